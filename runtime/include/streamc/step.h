// What a pipeline says about a record: go on with the next one, or the record
// failed (the source's 'on.error' policy decides what happens to it).
#pragma once

namespace streamc {

enum class Step { Next, Error };

}  // namespace streamc
