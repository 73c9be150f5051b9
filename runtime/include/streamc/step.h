// What a pipeline says about a record: go on with the next one, the record
// failed (the source's 'on.error' policy decides what happens to it), or it
// came after its windows closed and goes to the source's dead-letter file
// ('late.data.strategy' = 'dead_letter').
#pragma once

namespace streamc {

enum class Step { Next, Error, Late };

// A record's Step over two pipelines: a failure, else a late record's.
inline Step merge_steps(Step first, Step second) {
  return first == Step::Next || second == Step::Error ? second : first;
}

}  // namespace streamc
