namespace Fulfillment.Api.Validation;

/// <summary>
/// Validation errors of one request, field → messages, in the order they were found. Fields are named as the client
/// wrote them: <c>sku</c>, <c>lines[2].quantity</c>. A request with any error is refused whole.
/// </summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasAny => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors.Add(field, messages);
        }

        messages.Add(message);
    }

    /// <summary>The <c>errors</c> member of the problem document.</summary>
    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
