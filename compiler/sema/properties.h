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

// Reports every property of `props` not in `known`, with a suggestion.
void check_known(const Properties& props, const std::vector<std::string>& known, const std::string& prefix,
                 Diagnostics& diags);

}  // namespace streamc
