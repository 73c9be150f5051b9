// name: runtime sink fields
// description: one column of an output record per type, in JSON and in CSV, NULL or not
#include <gtest/gtest.h>

#include <string>

#include "runtime_test_util.h"
#include "streamc/sink_fields.h"

namespace streamc {
namespace {

using namespace std::literals;
using testing_util::read_file;
using testing_util::TempDir;

template <class Fill>
std::string written(Fill fill) {
  TempDir dir;
  const std::string path = dir.file("out.txt");
  {
    Writer w;
    std::string error;
    EXPECT_TRUE(w.open(path, error)) << error;
    fill(w);
    w.end_record();
    w.close();
    EXPECT_TRUE(w.ok()) << w.error();
  }
  return read_file(path);
}

TEST(SinkFields, JsonRecord) {
  const std::string out = written([](Writer& w) {
    json_field<kBigInt>(w, "{\"id\":"sv, false, int64_t(-7));
    json_field<kVarchar>(w, ",\"name\":"sv, false, "a\"b"sv);
    json_field<decimal(18, 2)>(w, ",\"price\":"sv, false, int64_t(1250));
    json_field<decimal(38, 3)>(w, ",\"wide\":"sv, false, i128(-5));
    json_field<kDouble>(w, ",\"ratio\":"sv, false, 0.5);
    json_field<kBoolean>(w, ",\"ok\":"sv, false, true);
    json_field<kTimestamp>(w, ",\"ts\":"sv, false, int64_t(0));
    json_field<kDate>(w, ",\"day\":"sv, false, int32_t(19783));
    json_field<kInterval>(w, ",\"gap\":"sv, false, int64_t(60000));
    json_field<kBigInt>(w, ",\"missing\":"sv, true, int64_t(99));
    json_field<kNull>(w, ",\"nothing\":"sv, true, false);
    w.append_char('}');
  });
  EXPECT_EQ(out,
            "{\"id\":-7,\"name\":\"a\\\"b\",\"price\":12.50,\"wide\":-0.005,\"ratio\":0.5,\"ok\":true,"
            "\"ts\":\"1970-01-01T00:00:00.000Z\",\"day\":\"2024-03-01\",\"gap\":60000,\"missing\":null,"
            "\"nothing\":null}\n");
}

TEST(SinkFields, CsvRecord) {
  const std::string out = written([](Writer& w) {
    csv_field<kVarchar>(w, true, false, "x,y"sv);
    csv_field<kBigInt>(w, false, true, int64_t(1));  // NULL: an empty field
    csv_field<kDouble>(w, false, false, 1e16);
    csv_field<kTimestamp>(w, false, false, int64_t(1000));
    csv_field<kDate>(w, false, false, int32_t(0));
    csv_field<decimal(10, 1)>(w, false, false, int64_t(5));
  });
  EXPECT_EQ(out, "\"x,y\",,1e+16,1970-01-01T00:00:01.000Z,1970-01-01,0.5\n");
}

}  // namespace
}  // namespace streamc
