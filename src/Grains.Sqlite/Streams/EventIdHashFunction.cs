namespace Grains.Sqlite;

/// <summary>A 64-bit hash of an event id given as the UTF-8 bytes SQLite stores it as.</summary>
internal delegate ulong EventIdHashFunction(ReadOnlySpan<byte> utf8EventId);
