namespace Grains.Streams;

/// <summary>How every <see cref="IStreamLog"/> raises <see cref="IStreamLog.Appended"/>.</summary>
public static class AppendedHandlers
{
    /// <summary>
    /// Calls each handler on its own: one that throws is reported to <paramref name="handlerFailed"/> (with the
    /// partitions as text) and neither fails the append, which is already stored, nor keeps the others from waking.
    /// </summary>
    public static void Raise(Action<IReadOnlyCollection<int>>? handlers, int[] partitions, Action<Exception, string> handlerFailed)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(handlerFailed);
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in Delegate.EnumerateInvocationList(handlers))
        {
            try
            {
                handler(partitions);
            }
            catch (Exception exception)
            {
                handlerFailed(exception, string.Join(", ", partitions));
            }
        }
    }
}
