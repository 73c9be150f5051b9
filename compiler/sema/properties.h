// WITH properties: splitting a Velostream application's '<name>.<property>'
// keys by name, and checking the properties of file sources and sinks.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ast/statements.h"
#include "diag/diagnostics.h"
#include "sema/catalog.h"

namespace streamc {

using Properties = std::map<std::string, PropertyValue>;

// Groups '<name>.<prop>' keys by <name>, for every <name> that has a
// '<name>.type'. Keys without such a prefix go to `general`.
std::map<std::string, Properties> split_by_name(const std::vector<ast::Property>& with, Properties& general);

Properties to_properties(const std::vector<ast::Property>& with);

// Checks a file source's properties and fills format and path. `what` names
// the source in messages. Returns false after reporting.
bool configure_file_source(SourceDef& source, Diagnostics& diags, SourceRange fallback);
bool configure_file_sink(SinkDef& sink, Diagnostics& diags, SourceRange fallback);

// Reports every property of `props` the file connector's table has none of
// for `role` (streamc/connector.h: kStream, kTable, kSink bits), with a
// suggestion, and every value its check rejects. `prefix` is how the query
// spells the property's source ("trades." in a Velostream application).
void check_properties(const Properties& props, unsigned role, const std::string& prefix, Diagnostics& diags);

// A property a file:// source in FROM takes from the query's WITH clause
// (format, on.error, ...: a source's properties but its type, path and key).
bool uri_source_property(const std::string& key);

}  // namespace streamc
