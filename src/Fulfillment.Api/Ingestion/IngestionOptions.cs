namespace Fulfillment.Api.Ingestion;

/// <summary>The <c>Ingestion</c> configuration section: limits of <c>POST /api/v1/events</c> and the webhook handshake.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Largest request body accepted; larger ones get 413. Default 1 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most events in one batch; more get 413. Default 1000.</summary>
    public int MaxBatchEvents { get; set; } = 1000;

    /// <summary>
    /// Origins (<c>WebHook-Request-Origin</c>) the webhook handshake consents to. Empty (default): any origin, echoed
    /// back. A request from an origin not listed gets no consent headers.
    /// </summary>
    public List<string> WebHookAllowedOrigins { get; set; } = [];

    /// <summary>Requests per minute granted in <c>WebHook-Allowed-Rate</c>; null (default) grants <c>*</c>, no limit.</summary>
    public int? WebHookAllowedRate { get; set; }
}
