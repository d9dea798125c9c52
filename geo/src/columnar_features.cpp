#include "columnar_features.hpp"

#include <ogr_recordbatch.h>
#include <ogrsf_frmts.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "adressage/error.hpp"

namespace adressage::geo::detail {

namespace {

// Owners of the Arrow C structures: each is released once, by whoever holds it last.
template <typename T> struct Released {
    T value{};
    Released() { value.release = nullptr; }
    ~Released() {
        if (value.release != nullptr) {
            value.release(&value);
        }
    }
    Released(const Released &) = delete;
    Released &operator=(const Released &) = delete;
};

// The value of `key` in an Arrow schema's metadata (count, then length-prefixed keys and
// values, in native byte order), or nullopt.
std::optional<std::string_view> metadata_value(const char *metadata, std::string_view key) {
    if (metadata == nullptr) {
        return std::nullopt;
    }
    auto read_int = [&metadata]() {
        std::int32_t n = 0;
        std::memcpy(&n, metadata, sizeof n);
        metadata += sizeof n;
        return n;
    };
    const std::int32_t pairs = read_int();
    for (std::int32_t i = 0; i < pairs; ++i) {
        const std::int32_t key_size = read_int();
        const std::string_view k(metadata, static_cast<std::size_t>(key_size));
        metadata += key_size;
        const std::int32_t value_size = read_int();
        const std::string_view v(metadata, static_cast<std::size_t>(value_size));
        metadata += value_size;
        if (k == key) {
            return v;
        }
    }
    return std::nullopt;
}

int child_named(const ArrowSchema &schema, const char *name) {
    for (std::int64_t i = 0; i < schema.n_children; ++i) {
        if (std::strcmp(schema.children[i]->name, name) == 0) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool is_format(const ArrowSchema &column, const char *format) {
    return std::strcmp(column.format, format) == 0;
}

// One column of a batch: the element at `row` of the batch, with the column's own offset.
class Column {
  public:
    Column(const ArrowArray &array, const ArrowSchema &schema)
        : array_(array), format_(schema.format[0]) {}

    bool is_null(std::int64_t row) const {
        const auto *validity = static_cast<const std::uint8_t *>(array_.buffers[0]);
        if (array_.null_count == 0 || validity == nullptr) {
            return false;
        }
        const std::int64_t i = array_.offset + row;
        return ((validity[i / 8] >> (i % 8)) & 1) == 0;
    }

    std::int64_t integer(std::int64_t row) const {
        const std::int64_t i = array_.offset + row;
        if (format_ == 'i') {
            return static_cast<const std::int32_t *>(array_.buffers[1])[i];
        }
        return static_cast<const std::int64_t *>(array_.buffers[1])[i];
    }

    // A string's or a binary's bytes ('u', 'z': 32-bit offsets; 'U', 'Z': 64-bit).
    std::string_view bytes(std::int64_t row) const {
        const std::int64_t i = array_.offset + row;
        std::int64_t from = 0;
        std::int64_t to = 0;
        if (format_ == 'u' || format_ == 'z') {
            const auto *offsets = static_cast<const std::int32_t *>(array_.buffers[1]);
            from = offsets[i];
            to = offsets[i + 1];
        } else {
            const auto *offsets = static_cast<const std::int64_t *>(array_.buffers[1]);
            from = offsets[i];
            to = offsets[i + 1];
        }
        const auto *data = static_cast<const char *>(array_.buffers[2]);
        return {data + from, static_cast<std::size_t>(to - from)};
    }

    bool is_text() const { return format_ == 'u' || format_ == 'U'; }

  private:
    const ArrowArray &array_;
    char format_;
};

// The stream's column of each field of `fields`, or nullopt when one is missing or of a type
// whose text could differ from GetFieldAsString's.
std::optional<std::vector<int>> field_columns(const OGRFeatureDefn &defn, const ArrowSchema &schema,
                                              const std::vector<int> &fields) {
    std::vector<int> columns;
    for (const int field : fields) {
        const OGRFieldDefn &f = *defn.GetFieldDefn(field);
        const int column = child_named(schema, f.GetNameRef());
        if (column < 0) {
            return std::nullopt;
        }
        const ArrowSchema &c = *schema.children[column];
        const bool text = f.GetType() == OFTString && (is_format(c, "u") || is_format(c, "U"));
        const bool integer =
            f.GetSubType() == OFSTNone && ((f.GetType() == OFTInteger && is_format(c, "i")) ||
                                           (f.GetType() == OFTInteger64 && is_format(c, "l")));
        if (!text && !integer) {
            return std::nullopt;
        }
        columns.push_back(column);
    }
    return columns;
}

} // namespace

bool for_each_columnar(
    OGRLayer &layer, const std::vector<int> &fields,
    const std::function<void(FeatureRecord &, const unsigned char *wkb, std::size_t size)> &sink) {
    const OGRFeatureDefn &defn = *layer.GetLayerDefn();
    const char *fid_name = layer.GetFIDColumn();
    if (layer.TestCapability(OLCFastGetArrowStream) == 0 || layer.GetSpatialFilter() != nullptr ||
        fid_name == nullptr || *fid_name == '\0' || defn.GetGeomFieldCount() == 0 ||
        defn.GetGeomFieldDefn(0)->IsIgnored()) {
        return false;
    }
    Released<ArrowArrayStream> stream;
    if (!layer.GetArrowStream(&stream.value, nullptr)) {
        return false;
    }
    Released<ArrowSchema> schema;
    if (stream.value.get_schema(&stream.value, &schema.value) != 0) {
        return false;
    }
    const ArrowSchema &s = schema.value;
    const int fid_column = child_named(s, fid_name);
    const int geometry_column = child_named(s, defn.GetGeomFieldDefn(0)->GetNameRef());
    if (fid_column < 0 || geometry_column < 0 ||
        !(is_format(*s.children[fid_column], "l") || is_format(*s.children[fid_column], "i"))) {
        return false;
    }
    const ArrowSchema &geometry = *s.children[geometry_column];
    if (!(is_format(geometry, "z") || is_format(geometry, "Z")) ||
        metadata_value(geometry.metadata, "ARROW:extension:name") != "ogc.wkb") {
        return false;
    }
    const std::optional<std::vector<int>> columns = field_columns(defn, s, fields);
    if (!columns) {
        return false;
    }

    FeatureRecord record;
    for (;;) {
        Released<ArrowArray> batch;
        if (stream.value.get_next(&stream.value, &batch.value) != 0) {
            const char *why = stream.value.get_last_error(&stream.value);
            throw GdalError("reading layer '" + std::string(layer.GetName()) +
                            "': " + (why != nullptr ? why : "Arrow stream error"));
        }
        if (batch.value.release == nullptr) {
            return true; // end of stream
        }
        const ArrowArray &b = batch.value;
        const Column fid(*b.children[fid_column], *s.children[fid_column]);
        const Column wkb(*b.children[geometry_column], geometry);
        std::vector<Column> values;
        for (const int c : *columns) {
            values.emplace_back(*b.children[c], *s.children[c]);
        }
        for (std::int64_t i = 0; i < b.length; ++i) {
            const std::int64_t row = b.offset + i; // a batch's offset applies to its columns
            record.fid = fid.integer(row);
            record.values.assign(values.size(), std::string());
            for (std::size_t k = 0; k < values.size(); ++k) {
                const Column &v = values[k];
                if (v.is_null(row)) {
                    continue;
                }
                if (v.is_text()) {
                    record.values[k] = v.bytes(row);
                } else {
                    record.values[k] = std::to_string(v.integer(row));
                }
            }
            if (wkb.is_null(row)) {
                sink(record, nullptr, 0);
            } else {
                const std::string_view g = wkb.bytes(row);
                sink(record, reinterpret_cast<const unsigned char *>(g.data()), g.size());
            }
        }
    }
}

} // namespace adressage::geo::detail
