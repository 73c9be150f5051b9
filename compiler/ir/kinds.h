// The small vocabularies shared by the bound program, the plan and code
// generation: how a source is read and a sink written, kinds of join and
// emission.
#pragma once

namespace streamc {

// What a source or sink is read or written through (its properties are the
// connector's table in streamc/connector.h), and the format of its records.
enum class Connector { File };
enum class Format { Json, Csv };

// The connector's name as 'connector' = '...' spells it and its property table is named.
inline const char* connector_name(Connector c) { return c == Connector::File ? "file" : "?"; }

enum class SourceKind { Stream, Table };
enum class SinkKind { Stdout, File, Table };

enum class JoinKind { Inner, Left, Right, Full };

enum class Emit { Changes, Final };

// Time windows: tumbling (advance = size), hopping (Velostream's SLIDING,
// Flink's HOP) and sessions (closed after a gap without records).
enum class WindowKind { Tumbling, Hopping, Session, Cumulate };
// A record after every window it falls in has closed.
enum class LateData { Drop, DeadLetter };

}  // namespace streamc
