// The catalog: sources and sinks by name, and their key columns.
#include "sema/catalog.h"

#include "util/strings.h"

namespace streamc {

int SourceDef::index_of(const std::string& column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (iequals(columns[i].name, column)) return static_cast<int>(i);
  }
  return -1;
}

std::vector<int> SourceDef::key_columns() const {
  std::vector<int> out;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].key) out.push_back(static_cast<int>(i));
  }
  return out;
}

const Column* SourceDef::find(const std::string& column) const {
  int i = index_of(column);
  return i < 0 ? nullptr : &columns[i];
}

SourceDef* Catalog::find_source(const std::string& name) {
  for (auto& s : sources_) {
    if (iequals(s.name, name)) return &s;
  }
  return nullptr;
}

const SourceDef* Catalog::find_source(const std::string& name) const {
  return const_cast<Catalog*>(this)->find_source(name);
}

SourceDef& Catalog::add_source(SourceDef def) {
  sources_.push_back(std::move(def));
  return sources_.back();
}

std::vector<std::string> Catalog::source_names() const {
  std::vector<std::string> names;
  for (const auto& s : sources_) names.push_back(s.name);
  return names;
}

}  // namespace streamc
