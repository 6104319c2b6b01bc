namespace Fulfillment.Api.Auth;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Shorter keys are refused at start: they could be guessed.</summary>
    public const int MinimumKeyLength = 16;
}
