// clone() and structural_key(), derived from the field lists of expr_fields.h.
#include "ir/expr_fields.h"

#include <string>
#include <type_traits>

namespace streamc {
namespace {

template <class T>
void copy(T& to, const T& from) {
  to = from;
}
void copy(std::vector<ExprPtr>& to, const std::vector<ExprPtr>& from) {
  to.clear();
  for (const auto& e : from) to.push_back(clone(*e));
}
void copy(ExprPtr& to, const ExprPtr& from) { to = from ? clone(*from) : nullptr; }
void copy(std::shared_ptr<const Subquery>& to, const std::shared_ptr<const Subquery>& from) {
  to = from ? clone(*from) : nullptr;
}

// Appends a field to a key; false when the expression is not to be shared.
bool add(std::string& key, const std::shared_ptr<const Subquery>& s) { return s == nullptr; }
bool add(std::string& key, const std::vector<ExprPtr>& args) {
  key += "(";
  for (const auto& a : args) {
    std::string child = structural_key(*a);
    if (child.empty()) return false;
    key += child + ",";
  }
  key += ")";
  return true;
}
bool add(std::string& key, const SqlType& t) {
  key += t.to_string() + ";";
  return true;
}
bool add(std::string& key, const LiteralValue& literal) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          key += "s" + std::to_string(v.size()) + ":" + v;
        } else if constexpr (std::is_same_v<T, __int128>) {
          key += "w" + std::to_string(static_cast<long long>(v >> 64)) + "," +
                 std::to_string(static_cast<unsigned long long>(v));
        } else if constexpr (std::is_same_v<T, double>) {
          key += "d" + std::to_string(v);
        } else if constexpr (!std::is_same_v<T, std::monostate>) {
          key += "i" + std::to_string(v);
        } else {
          key += "null";
        }
      },
      literal);
  key += ";";
  return true;
}
template <class T>
  requires std::is_enum_v<T> || std::is_integral_v<T>
bool add(std::string& key, const T& v) {
  key += std::to_string(static_cast<long long>(v)) + ";";
  return true;
}

}  // namespace

ExprPtr clone(const Expr& e) {
  auto out = std::make_unique<Expr>();
  for_each_field_pair(expr_fields(*out), expr_fields(const_cast<Expr&>(e)),
                      [](auto& to, auto& from) { copy(to.v, from.v); });
  return out;
}

std::shared_ptr<const Subquery> clone(const Subquery& s) {
  auto out = std::make_shared<Subquery>();
  for_each_field_pair(subquery_fields(*out), subquery_fields(const_cast<Subquery&>(s)),
                      [](auto& to, auto& from) { copy(to.v, from.v); });
  return out;
}

std::string structural_key(const Expr& e) {
  std::string key;
  bool shareable = true;
  for_each_field(expr_fields(e), [&](const auto& f) {
    if constexpr (!std::is_same_v<std::decay_t<decltype(f)>, Note<std::remove_reference_t<decltype(f.v)>>>) {
      shareable = shareable && add(key, f.v);
    }
  });
  return shareable ? key : "";
}

}  // namespace streamc
