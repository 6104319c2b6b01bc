using Grains.Hosting;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Sqlite.Tests.Integration;

/// <summary>
/// A silo on a SQLite file is killed (no deactivation, no flush) and a new silo is started on the same file: whatever
/// the first acknowledged must be there, and its reminders must fire on the second.
/// </summary>
public sealed class SqliteSiloRestartTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly Signals _signals = new();
    private readonly ManualTimeProvider _time = new();
    private TestSilo? _silo;

    private string DataSource => Path.Combine(_directory.Path, "grains.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task AcknowledgedState_SurvivesKillAndRestartOnSameFile()
    {
        var silo = await StartAsync();
        var postings = Enumerable.Range(0, 50).Select(i => Task.Run(() => silo.GrainFactory.GetGrain<ILedgerGrain>($"acct-{i % 10}").Post($"p{i}", 1)));
        await Task.WhenAll(postings);

        await silo.KillAsync();
        silo = await StartAsync();

        for (var account = 0; account < 10; account++)
        {
            var grain = silo.GrainFactory.GetGrain<ILedgerGrain>($"acct-{account}");
            Assert.Equal(5, await grain.Balance());
            Assert.Equal(5, (await grain.Entries()).Count);
        }
    }

    [Fact]
    public async Task OneShotReminder_RegisteredBeforeKill_FiresOnNewSiloAtItsTime()
    {
        var silo = await StartAsync();
        var dueAt = _time.GetUtcNow().AddMinutes(45);
        await silo.GrainFactory.GetGrain<ILedgerGrain>("sla").RemindAt("pick-to-pack", dueAt);

        await silo.KillAsync();
        silo = await StartAsync();
        _time.Advance(TimeSpan.FromMinutes(45));

        await _signals.WaitFor("reminder:sla:pick-to-pack");
        Assert.Equal(dueAt, _signals.Values("reminder:sla:pick-to-pack").Single());
        Assert.Equal($"reminder pick-to-pack at {dueAt:O}", (await silo.GrainFactory.GetGrain<ILedgerGrain>("sla").Entries()).Single());
    }

    [Fact]
    public async Task PeriodicReminder_KeepsItsScheduleAcrossRestart()
    {
        var silo = await StartAsync();
        var start = _time.GetUtcNow();
        await silo.GrainFactory.GetGrain<ILedgerGrain>("beat").RemindEvery("audit", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(2));
        await _signals.WaitFor("reminder:beat:audit");
        _time.Advance(TimeSpan.FromMinutes(3));

        await silo.KillAsync();
        silo = await StartAsync();
        _time.Advance(TimeSpan.FromMinutes(7));

        await _signals.WaitFor("reminder:beat:audit", 2);
        Assert.Equal([start.AddMinutes(2), start.AddMinutes(12)], _signals.Values("reminder:beat:audit").Cast<DateTimeOffset>());
    }

    [Fact]
    public async Task DeliveredOneShotReminder_DoesNotFireAgainAfterRestart()
    {
        var silo = await StartAsync();
        await silo.GrainFactory.GetGrain<ILedgerGrain>("once").RemindAt("done", _time.GetUtcNow().AddMinutes(1));
        _time.Advance(TimeSpan.FromMinutes(1));
        await _signals.WaitFor("reminder:once:done");

        await silo.StopAsync();
        silo = await StartAsync();
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Single(await silo.GrainFactory.GetGrain<ILedgerGrain>("once").Entries());
        Assert.Equal(1, _signals.Count("reminder:once:done"));
    }

    private async Task<TestSilo> StartAsync()
    {
        _silo = await TestSilo.StartAsync(
            silo =>
            {
                silo.AddGrainAssemblyContaining<SqliteSiloRestartTests>();
                silo.AddSqliteGrainStorageAsDefault(o => o.DataSource = DataSource);
                silo.UseSqliteReminderService(o => o.DataSource = DataSource);
            },
            services => services.AddSingleton(_signals),
            _time);
        return _silo;
    }
}
