// The connectors sources and sinks are read and written through, and the
// one table of properties each has (name, default, check, help). The
// compiler checks WITH clauses against these tables; a generated program
// registers the run-time ones, so --set and --help know them.
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>
#include <utility>

#include "streamc/config.h"
#include "streamc/property.h"

namespace streamc {

struct ConnectorDef {
  std::string_view name;  // as 'connector' = '...' names it: "file"
  std::span<const PropertyDef> properties;

  // The property `name` for a source or sink of `role`, or nullptr.
  const PropertyDef* find(std::string_view name, unsigned role) const;
};

const ConnectorDef& file_connector();
// "file"; nullptr for a connector there is none of.
const ConnectorDef* find_connector(std::string_view name);

// The program's own properties: stats, threads, chunk.bytes.
std::span<const PropertyDef> program_properties();
const PropertyDef* find_program_property(std::string_view name);

using GivenProperties = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Registers the run-time properties of source or sink `name` (role kStream,
// kTable or kSink) as '<name>.<property>', with the values the query gave
// in place of the table's defaults.
void register_properties(Config& config, const ConnectorDef& connector, Role role, std::string_view name,
                         GivenProperties given);
// Registers the program's properties named in `names`, with their defaults.
void register_program_properties(Config& config, std::initializer_list<std::string_view> names);

}  // namespace streamc
