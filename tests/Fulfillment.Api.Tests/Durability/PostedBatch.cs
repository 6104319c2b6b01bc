namespace Fulfillment.Api.Tests.Durability;

/// <summary>One batch of the kill test and what became of its POST before the kill. Only the poster that took it writes it.</summary>
internal sealed class PostedBatch(int index, int size, string body)
{
    public int Index { get; } = index;

    public int Size { get; } = size;

    public string Body { get; } = body;

    public BatchFate Fate { get; set; } = BatchFate.NotSent;

    /// <summary>For <see cref="BatchFate.Refused"/>: the status and body, which fail the test.</summary>
    public string? Refusal { get; set; }
}
