using Fulfillment.Api.Diagnostics;
using Grains.Streams;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Ingestion;

/// <summary>
/// Validates a body of CloudEvents and appends them to the stream log in one atomic append, or appends nothing.
/// The HTTP endpoint calls it; so can anything else that receives CloudEvents (a benchmark, a future broker adapter).
/// </summary>
internal sealed partial class EventIngestor
{
    private readonly IStreamLog _log;
    private readonly IngestionOptions _options;
    private readonly IngestionMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<EventIngestor> _logger;

    public EventIngestor(IStreamLog log, IOptions<IngestionOptions> options, IngestionMetrics metrics, TimeProvider time, ILogger<EventIngestor> logger)
    {
        _log = log;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    public IngestionOptions Options => _options;

    public async Task<(CloudEventParseResult Parsed, StreamAppendResult? Appended)> IngestAsync(
        ReadOnlyMemory<byte> body, EventBodyShape shape, CancellationToken cancellationToken)
    {
        var parsed = CloudEventBatchParser.Parse(body, shape, _options.MaxBatchEvents);
        if (parsed.Status != ParseStatus.Parsed)
        {
            Refused(parsed.Status, parsed.EventCount, parsed.Detail);
            return (parsed, null);
        }

        var started = _time.GetTimestamp();
        var appended = await _log.AppendAsync(parsed.Events, cancellationToken).ConfigureAwait(false);
        _metrics.Accepted(appended.Appended.Count, appended.Duplicates, _time.GetElapsedTime(started));
        return (parsed, appended);
    }

    public void Refused(string outcome, string detail)
    {
        _metrics.Refused(outcome, 0);
        LogRefused(outcome, detail);
    }

    private void Refused(ParseStatus status, int events, string detail)
    {
        var outcome = status switch
        {
            ParseStatus.Invalid => "invalid",
            ParseStatus.MalformedJson => "malformed_json",
            ParseStatus.WrongShape => "wrong_shape",
            ParseStatus.Empty => "empty",
            ParseStatus.TooManyEvents => "too_many_events",
            _ => status.ToString(),
        };
        _metrics.Refused(outcome, events);
        LogRefused(outcome, detail);
    }

    [LoggerMessage(2301, LogLevel.Debug, "Ingestion refused ({Outcome}): {Detail}")]
    private partial void LogRefused(string outcome, string detail);
}
