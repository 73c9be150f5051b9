// Every header a generated program includes, compiled once into a
// precompiled header when streamc is built: `streamc build` then spends its
// time on the query's own code, not on simdjson's.
#pragma once

#include <streamc/program.h>
