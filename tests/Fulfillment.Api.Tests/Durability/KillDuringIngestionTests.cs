using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fulfillment.Api.Tests.Support;
using Xunit.Abstractions;

namespace Fulfillment.Api.Tests.Durability;

/// <summary>
/// The real service process killed with SIGKILL while batches are being posted, then restarted on the same SQLite
/// file: every batch it acknowledged is still in the log, nothing was stored twice, and an unanswered batch was
/// stored whole or not at all.
/// </summary>
public sealed class KillDuringIngestionTests(ITestOutputHelper output) : IDisposable
{
    private const int BatchCount = 200;
    private const int BatchSize = 50;
    private const int Posters = 4;
    private const int KillAfterAcknowledged = 40;

    // 128 + 9: how .NET reports a child that died of SIGKILL; a graceful stop would exit 0, SIGTERM gives 143.
    private const int KilledBySigkill = 137;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("fulfillment-kill9-").FullName;

    [Fact]
    public async Task Sigkill_WhilePosting_KeepsEveryAcknowledgedEventExactlyOnce()
    {
        var clock = Stopwatch.StartNew();
        var batches = Enumerable.Range(0, BatchCount).Select(i => new PostedBatch(i, BatchSize, Batch(i))).ToArray();

        int exitCode;
        string firstRunOutput;
        await using (var first = await ServiceProcess.StartAsync(_dataDirectory))
        {
            output.WriteLine($"First run: pid {first.Id}, ready after {clock.ElapsedMilliseconds} ms.");
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posting = PostUntilFailureAsync(first, batches, enough);
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(30));
            exitCode = await first.KillAsync();
            await posting;
            firstRunOutput = first.RecentOutput;
        }

        Assert.Equal(KilledBySigkill, exitCode);
        Assert.DoesNotContain("Application is shutting down", firstRunOutput, StringComparison.Ordinal);
        var refused = batches.Where(b => b.Fate == BatchFate.Refused).ToArray();
        Assert.True(refused.Length == 0, $"Batches answered other than 202 before the kill: {string.Join("; ", refused.Select(b => $"#{b.Index}: {b.Refusal}"))}");
        var acknowledged = batches.Where(b => b.Fate == BatchFate.Acknowledged).ToArray();
        var inDoubt = batches.Where(b => b.Fate == BatchFate.InDoubt).ToArray();
        Assert.True(acknowledged.Length >= KillAfterAcknowledged);
        Assert.NotEmpty(inDoubt);
        Assert.Contains(batches, b => b.Fate == BatchFate.NotSent);
        output.WriteLine($"Killed after {clock.ElapsedMilliseconds} ms: exit code {exitCode}; {acknowledged.Length} batches acknowledged, {inDoubt.Length} in doubt, {batches.Count(b => b.Fate == BatchFate.NotSent)} not sent.");

        await using var second = await ServiceProcess.StartAsync(_dataDirectory);
        output.WriteLine($"Second run: pid {second.Id}, ready after {clock.ElapsedMilliseconds} ms.");
        var appended = await second.CountAppendedEventsAsync();
        var acknowledgedEvents = acknowledged.Sum(b => b.Size);
        Assert.True(appended >= acknowledgedEvents, $"The log holds {appended} events but {acknowledgedEvents} were acknowledged.");

        // Each acknowledged batch again: all of it is found in the log and none of it stored again.
        foreach (var batch in acknowledged)
        {
            var (accepted, duplicates) = await RepostAsync(second, batch);
            Assert.True(accepted == 0 && duplicates == batch.Size, $"Batch #{batch.Index} was acknowledged before the kill; re-posted it gave accepted {accepted}, duplicates {duplicates}.");
        }

        Assert.Equal(appended, await second.CountAppendedEventsAsync());

        // Each unanswered batch again: an append is atomic, so it was stored whole (all duplicates) or not at all (all new).
        var landed = 0;
        foreach (var batch in inDoubt)
        {
            var (accepted, duplicates) = await RepostAsync(second, batch);
            Assert.True(
                (accepted == batch.Size && duplicates == 0) || (accepted == 0 && duplicates == batch.Size),
                $"Batch #{batch.Index} was in flight at the kill; re-posted it gave accepted {accepted}, duplicates {duplicates}: part of it was stored.");
            landed += duplicates == batch.Size ? 1 : 0;
        }

        // Sequence numbers count appends, so equality means no event of the log was appended twice.
        Assert.Equal(acknowledgedEvents + (landed * BatchSize), appended);
        Assert.Equal((acknowledged.Length + inDoubt.Length) * BatchSize, await second.CountAppendedEventsAsync());
        output.WriteLine(
            $"After restart: {appended} events in the log = {acknowledgedEvents} acknowledged + {landed * BatchSize} from the {landed} of {inDoubt.Length} in-doubt batches that had been stored; done in {clock.ElapsedMilliseconds} ms.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>
    /// Posting loops take the next batch until one of their posts gets no answer; once enough batches are
    /// acknowledged, <paramref name="enough"/> tells the test to kill the service, with posts still going on.
    /// </summary>
    private static Task PostUntilFailureAsync(ServiceProcess service, PostedBatch[] batches, TaskCompletionSource enough)
    {
        var next = -1;
        var acknowledged = 0;
        return Task.WhenAll(Enumerable.Range(0, Posters).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Length; i = Interlocked.Increment(ref next))
            {
                var batch = batches[i];
                batch.Fate = BatchFate.InDoubt;
                try
                {
                    using var response = await service.PostEventsAsync(batch.Body);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.Accepted || Counts(text) != (batch.Size, 0))
                    {
                        batch.Fate = BatchFate.Refused;
                        batch.Refusal = $"{(int)response.StatusCode} {text}";
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // The kill: this post's fate is unknown, and the service is gone.
                    return;
                }

                batch.Fate = BatchFate.Acknowledged;
                if (Interlocked.Increment(ref acknowledged) == KillAfterAcknowledged)
                {
                    enough.TrySetResult();
                }
            }
        })));
    }

    private static async Task<(int Accepted, int Duplicates)> RepostAsync(ServiceProcess service, PostedBatch batch)
    {
        using var response = await service.PostEventsAsync(batch.Body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Re-posting batch #{batch.Index} answered {(int)response.StatusCode}: {text}");
        return Counts(text);
    }

    private static (int Accepted, int Duplicates) Counts(string answer)
    {
        using var json = JsonDocument.Parse(answer);
        return (json.RootElement.GetProperty("accepted").GetInt32(), json.RootElement.GetProperty("duplicates").GetInt32());
    }

    /// <summary>Batch <paramref name="index"/>: order stage changes and inventory receipts with ids no other batch uses.</summary>
    private static string Batch(int index)
    {
        var events = new JsonNode[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            var n = (index * BatchSize) + i;
            var id = $"kill9-{index:D4}-{i:D2}";
            events[i] = n % 4 == 3
                ? CloudEvents.Received("WH-EAST", $"SKU-{n % 97}", 1 + (n % 20), id)
                : CloudEvents.Stage($"o-{n % 500}", n % 2 == 0 ? "picked" : "packed", id);
        }

        return CloudEvents.Batch(events);
    }
}
