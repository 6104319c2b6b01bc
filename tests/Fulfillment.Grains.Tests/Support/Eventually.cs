namespace Fulfillment.Grains.Tests.Support;

/// <summary>
/// Waits for work another thread finishes (a reminder delivery, a push to a view) by reading again after yielding,
/// never by sleeping. The deadline is a safety net against a hung run, not a timing assumption.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(20);

    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + SafetyTimeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The condition was never met; last value: {value}");
            await Task.Yield();
        }
    }
}
