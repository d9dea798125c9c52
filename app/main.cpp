#include "cli.hpp"

int main(int argc, char **argv) { return adressage::pipeline::main_cli(argc, argv); }
