namespace Fulfillment.Bench.Measurement;

/// <summary>Runs a body for every index of a range from a few concurrent loops, each over its own contiguous slice.</summary>
internal static class Partitioned
{
    public static Task RunAsync(int count, int loops, Func<int, ValueTask> body)
    {
        var tasks = new Task[loops];
        for (var loop = 0; loop < loops; loop++)
        {
            var start = (int)((long)count * loop / loops);
            var end = (int)((long)count * (loop + 1) / loops);
            tasks[loop] = Task.Run(async () =>
            {
                for (var i = start; i < end; i++)
                {
                    await body(i).ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(tasks);
    }
}
