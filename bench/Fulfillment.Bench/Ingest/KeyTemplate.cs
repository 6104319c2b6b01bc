namespace Fulfillment.Bench.Ingest;

/// <summary>
/// The UTF-8 pieces of the CloudEvents of one key around the parts that vary per event: the text from the type to the
/// opening quote of <c>time</c>, from the closing quote of <c>time</c> to the varying data value, and the rest.
/// </summary>
internal sealed record KeyTemplate(string Key, byte[] BeforeTime, byte[] BeforeValue, byte[] AfterValue);
