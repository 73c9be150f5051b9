// Run-time properties of a generated program. The WITH clause's values are
// registered as defaults; `--set name=value` overrides them. Only registered
// names may be set, so a typo is an error with a suggestion, not a silently
// ignored setting.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace streamc {

struct PropertyDef;

struct ProgramInfo {
  std::string_view name;         // e.g. "trade_enrichment"
  std::string_view version;      // from "-- Version:", may be empty
  std::string_view query_file;   // the .sql the program was compiled from
  std::string_view description;  // one line for --help
  // Relative paths in the query resolve against the query file's directory,
  // which the build stamps in (STREAMC_QUERY_DIR); "." when it did not.
  std::string_view query_dir = ".";
};

class Config {
 public:
  // Registers a property (or replaces its default). With `def` (its entry in
  // a property table, streamc/connector.h), --set values are checked against
  // it and --help shows its help.
  void set_default(std::string name, std::string value, const PropertyDef* def = nullptr);

  // Overrides a registered property; false with a message (listing the
  // known names and a "did you mean" suggestion) for unknown ones, and for a
  // value the property does not take.
  bool set(std::string_view name, std::string_view value, std::string& error);

  // The current value; an empty string for unknown names.
  const std::string& get(std::string_view name) const;
  bool has(std::string_view name) const { return find(name) != nullptr; }
  // True when the value was given with --set (or set()), not the default.
  bool is_set(std::string_view name) const {
    const Property* p = find(name);
    return p != nullptr && p->overridden;
  }

  // A path property: a default (from the query) resolves against `query_dir`,
  // a value given with --set against the working directory.
  std::string path(std::string_view name, std::string_view query_dir) const;

  // Handles --set name=value, --set=name=value, -h/--help and --version.
  // Returns -1 when the program should run, otherwise the exit code: 0 after
  // help or version, 1 after a usage error (message on `err`).
  int parse_args(int argc, char** argv, const ProgramInfo& info, FILE* out = stdout,
                 FILE* err = stderr);

  void print_usage(const ProgramInfo& info, FILE* out) const;

 private:
  struct Property {
    std::string name;
    std::string default_value;
    std::string value;
    bool overridden = false;
    const PropertyDef* def = nullptr;
  };

  const Property* find(std::string_view name) const;
  Property* find(std::string_view name);
  std::string unknown_property_message(std::string_view name) const;

  std::vector<Property> properties_;  // few, looked up at start-up only
};

// "500ms", "5s", "1m", "2h", "1d" or a bare number of seconds ("60").
bool parse_duration_ms(std::string_view text, int64_t& ms);

// Relative paths are taken relative to base_dir (the query file's
// directory); absolute paths and "-" (stdin/stdout) are returned unchanged.
std::string resolve_path(std::string_view base_dir, std::string_view path);

// Levenshtein distance, for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace streamc
