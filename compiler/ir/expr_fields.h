// Every field of an expression node and of a subquery, named once. clone(),
// for_each_expr() and structural_key() are all derived from these lists: a
// field added to Expr or Subquery and not named here fails to compile (the
// structured binding must name every member), so none of them can forget it.
//
// A field in note() does not change what an expression computes (where it
// was written, its SQL text, a column's display name): structural_key()
// skips it, so `a*b` and `a * b` are the same value; clone() copies it.
#pragma once

#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include "ir/expr.h"

namespace streamc {

template <class T>
struct Field {
  T& v;
};
template <class T>
struct Note {
  T& v;
};
template <class T>
Field<T> field(T& v) {
  return {v};
}
template <class T>
Note<T> note(T& v) {
  return {v};
}

template <class E>
auto expr_fields(E& e) {
  auto& [op, type, nullable, range, args, literal, source, column, column_name, has_else, text, subquery, compare,
         all, agg, analytic, expire, emit_when_rows] = e;
  return std::make_tuple(field(op), field(type), field(nullable), note(range), field(args), field(literal),
                         field(source), field(column), note(column_name), field(has_else), note(text),
                         field(subquery), field(compare), field(all), field(agg), field(analytic), field(expire),
                         field(emit_when_rows));
}

template <class S>
auto subquery_fields(S& s) {
  auto& [relation, source, keyed, key, indexed, index_columns, index_probe, build_filter, condition, value, aggregate,
         count_star, id] = s;
  return std::make_tuple(field(relation), field(source), field(keyed), field(key), field(indexed),
                         field(index_columns), field(index_probe), field(build_filter), field(condition),
                         field(value), field(aggregate), field(count_star), field(id));
}

// Calls f(field) for each field of a tuple made by expr_fields/subquery_fields.
template <class Tuple, class F>
void for_each_field(Tuple&& fields, F&& f) {
  std::apply([&](auto&... each) { (f(each), ...); }, fields);
}

// Calls f(field_of_a, field_of_b) for the fields of two nodes, in order.
template <class Tuple, class F>
void for_each_field_pair(Tuple&& a, Tuple&& b, F&& f) {
  [&]<size_t... I>(std::index_sequence<I...>) {
    (f(std::get<I>(a), std::get<I>(b)), ...);
  }(std::make_index_sequence<std::tuple_size_v<std::decay_t<Tuple>>>{});
}

namespace expr_fields_detail {

template <class F>
void walk(const Expr& e, F& f);

template <class T, class F>
void walk_field(const T&, F&) {}
template <class F>
void walk_field(const std::vector<std::unique_ptr<Expr>>& v, F& f) {
  for (const auto& e : v) walk(*e, f);
}
template <class F>
void walk_field(const std::unique_ptr<Expr>& e, F& f) {
  if (e) walk(*e, f);
}
template <class F>
void walk_field(const std::shared_ptr<const Subquery>& s, F& f) {
  if (s) for_each_field(subquery_fields(*s), [&](const auto& x) { walk_field(x.v, f); });
}

template <class F>
void walk(const Expr& e, F& f) {
  f(e);
  for_each_field(expr_fields(e), [&](const auto& x) { walk_field(x.v, f); });
}

}  // namespace expr_fields_detail

// Calls f on e and on every expression inside it, subqueries included.
template <class F>
void for_each_expr(const Expr& e, F&& f) {
  expr_fields_detail::walk(e, f);
}

// A deep copy (subqueries copied too: the copy shares nothing with e).
ExprPtr clone(const Expr& e);
std::shared_ptr<const Subquery> clone(const Subquery& s);

// A key equal for two expressions that compute the same value from the same
// inputs; empty for an expression that is not to be shared (a subquery).
std::string structural_key(const Expr& e);

}  // namespace streamc
