namespace Grains.Runtime;

/// <summary>
/// The request whose grain code is running on this logical flow. It flows through awaits with the execution context,
/// so calls made by a grain know the chain of requests they come from (deadlock detection) even under interleaving.
/// </summary>
internal static class RequestContext
{
    private static readonly AsyncLocal<GrainRequest?> CurrentRequest = new();

    public static GrainRequest? Current
    {
        get => CurrentRequest.Value;
        set => CurrentRequest.Value = value;
    }
}
