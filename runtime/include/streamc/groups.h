// The groups of a query with GROUP BY: a streamc::HashTable from the group's
// key (a tuple of (is NULL, value) per key column, so that NULL keys form one
// group) to the generated struct of its accumulators, which carries `seq`,
// its place in the order the groups first appeared.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <utility>
#include <vector>

#include "streamc/per_record.h"
#include "streamc/step.h"

namespace streamc {

// The group of `key`, new groups numbered in the order they appear.
template <class Groups>
STREAMC_PER_RECORD inline typename Groups::RowType& find_group(Groups& groups, const typename Groups::KeyType& key) {
  const size_t before = groups.size();
  auto& group = groups.find_or_insert(key);
  if (groups.size() != before) group.seq = before;
  return group;
}

// The same in a lane (lanes.h): a new group's seq is `position`, where in
// the input its first record is, so that merged lanes know which came first.
template <class Groups>
STREAMC_PER_RECORD inline typename Groups::RowType& find_group(Groups& groups, const typename Groups::KeyType& key,
                                                               uint64_t position) {
  const size_t before = groups.size();
  auto& group = groups.find_or_insert(key);
  if (groups.size() != before) group.seq = position;
  return group;
}

// Another lane's groups into `into`: a group new to it is copied, one it has
// merges (merge(into, from), generated with the group struct), and the
// earlier first appearance stays. False when a merge overflows.
template <class Groups>
bool merge_groups(Groups& into, Groups& from) {
  using Key = typename Groups::KeyType;
  using Group = typename Groups::RowType;
  bool ok = true;
  from.for_each_mutable([&](const auto& key, Group& theirs) {
    const size_t before = into.size();
    Group& mine = into.find_or_insert(Key(key));
    if (into.size() != before) {
      mine = theirs;
      return;
    }
    const uint64_t seq = std::min(mine.seq, theirs.seq);
    ok = merge(mine, theirs) && ok;
    mine.seq = seq;
  });
  return ok;
}

// Groups whose seq is a position (a lane's) numbered 0, 1, 2, ... in that
// order, as for_each_group_in_order reads them.
template <class Groups>
void number_groups(Groups& groups) {
  using Group = typename Groups::RowType;
  std::vector<Group*> order;
  order.reserve(groups.size());
  groups.for_each_mutable([&](const auto&, Group& group) { order.push_back(&group); });
  std::sort(order.begin(), order.end(), [](const Group* a, const Group* b) { return a->seq < b->seq; });
  for (size_t i = 0; i < order.size(); ++i) order[i]->seq = i;
}

// Adds `key` to a set (a HashTable of streamc::Present rows); true when it
// was not there yet (COUNT(DISTINCT): a value new to its group).
template <class Set>
STREAMC_PER_RECORD inline bool insert_new(Set& set, const typename Set::KeyType& key) {
  const size_t before = set.size();
  set.find_or_insert(key);
  return set.size() != before;
}

// on_group(key, group) -> Step for every group, in the order the groups
// first appeared; the first failure stops it.
template <class Groups, class OnGroup>
Step for_each_group_in_order(Groups& groups, OnGroup&& on_group) {
  using Key = typename Groups::KeyType;
  using Group = typename Groups::RowType;
  std::vector<std::pair<Key, Group*>> order(groups.size());
  groups.for_each_mutable([&](const auto& key, Group& group) { order[group.seq] = {Key(key), &group}; });
  for (const auto& [key, group] : order) {
    if (on_group(key, *group) == Step::Error) return Step::Error;
  }
  return Step::Next;
}

// What the groups write once the input has ended: false, with the failing
// group's message printed, when `step` failed.
template <class Program>
bool report_end_of_input(Program& program, Step step) {
  if (step != Step::Error) return true;
  const std::string_view message = program.error();
  std::fprintf(stderr, "error: %.*s\n", static_cast<int>(message.size()), message.data());
  return false;
}

// EMIT FINAL: every group once, in the order the groups first appeared,
// through on_group(key, group) -> Step, once the input has ended. The first
// failure stops it, its message printed.
template <class Program, class Groups, class OnGroup>
bool emit_groups(Program& program, Groups& groups, OnGroup&& on_group) {
  return report_end_of_input(program, for_each_group_in_order(groups, [&](const auto& key, auto& group) {
                               program.begin_record();
                               return on_group(key, group);
                             }));
}

}  // namespace streamc
