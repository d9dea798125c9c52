#pragma once
// The command line: `adressage run ...`. Exit codes are decided here only:
// 0 done, 1 processing failure, 2 usage, configuration or input error.
namespace adressage::pipeline {

int main_cli(int argc, char **argv);

} // namespace adressage::pipeline
