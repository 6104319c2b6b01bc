namespace Fulfillment.Bench.StreamLog;

/// <summary>The options of one <c>stream-log</c> run.</summary>
internal sealed record StreamLogSettings(string Log, TimeSpan Duration, int Appenders, int Batch, int BodyBytes, int Keys, int ReadBatch);
