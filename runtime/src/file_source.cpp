// Opening a file source from its run-time properties, and finding the
// columns of a CSV header.
#include "streamc/file_source.h"

#include "streamc/connector.h"
#include "streamc/scan.h"

namespace streamc {

bool FileSource::configure(const Config& config, std::string_view name, std::string_view query_dir, bool table,
                           std::string& error) {
  name_ = std::string(name);
  auto property = [&](const char* p) { return name_ + "." + p; };
  // A run-time value the property's table does not take: the table says what it must be.
  auto bad = [&](const char* p, const std::string& value) {
    error = "'" + property(p) + "' " + check_property(*file_connector().find(p, kStream), value) + ", not '" +
            value + "'";
    return false;
  };
  shown_ = config.get(property("path"));
  path_ = config.path(property("path"), query_dir);
  wait_timeout_ = config.get(property("file.wait.timeout"));
  retry_interval_ = config.get(property("file.retry.interval"));
  watch_ = table && config.get(property("watch")) == "true";
  const std::string& delimiter = config.get(property("delimiter"));
  delimiter_ = delimiter.empty() ? ',' : parse_delimiter(delimiter);
  if (delimiter_ == 0) return bad("delimiter", delimiter);
  OnError policy = OnError::Fail;
  const std::string& on_error = config.get(property("on.error"));
  if (!on_error.empty() && !parse_on_error(on_error, policy)) return bad("on.error", on_error);
  bad_ = std::make_unique<BadRecordHandler>(name_, policy, config.path(property("dlq.path"), query_dir));
  return true;
}

bool FileSource::wait(std::string& error) const {
  return wait_for_file(path_, shown_, name_, wait_timeout_, retry_interval_, error);
}

bool FileSource::open(FileReader& reader, std::string& error) {
  reader.set_follow(watch_);
  return wait(error) && reader.open(path_, error);
}

bool FileSource::open(CsvReader& reader, std::string& error) {
  reader.set_follow(watch_);
  return wait(error) && reader.open(path_, error, delimiter_);
}

bool read_csv_header(CsvReader& reader, std::string_view shown, std::vector<CsvField>& header, std::string& error) {
  if (reader.next(header) == CsvStatus::Record) return true;
  error = std::string(shown) + ": the file has no header line";
  return false;
}

bool find_csv_columns(const std::vector<CsvField>& header, std::string_view shown, const std::string_view* names,
                      size_t n, int* pos, std::string& error) {
  for (size_t i = 0; i < n; ++i) {
    pos[i] = find_column(header, names[i]);
    if (pos[i] < 0) {
      error = std::string(shown) + ": the header has no column '" + std::string(names[i]) + "'";
      return false;
    }
  }
  pos[n] = -1;
  return true;
}

CsvLayout csv_layout(char sep, size_t width, const int* pos, const int* value_pos) {
  CsvLayout layout;
  layout.sep = sep;
  layout.width = width;
  layout.column_of.assign(width, -1);
  layout.value_field.assign(width, 0);
  for (size_t i = 0; pos[i] >= 0; ++i) {
    layout.pos.push_back(pos[i]);
    layout.column_of[static_cast<size_t>(pos[i])] = static_cast<int>(i);
  }
  layout.pos.push_back(-1);
  for (size_t i = 0; value_pos != nullptr && value_pos[i] >= 0; ++i) {
    layout.value_pos.push_back(value_pos[i]);
    layout.value_field[static_cast<size_t>(value_pos[i])] = 1;
    layout.values = true;
  }
  layout.value_pos.push_back(-1);
  return layout;
}

}  // namespace streamc
