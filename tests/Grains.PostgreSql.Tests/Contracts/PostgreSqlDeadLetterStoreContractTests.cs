using Grains.ProviderContracts.Streams;
using Grains.Streams;

namespace Grains.PostgreSql.Tests.Contracts;

/// <summary>The dead-letter store contract over a schema of this test's own, reopened over the same schema.</summary>
public sealed class PostgreSqlDeadLetterStoreContractTests : DeadLetterStoreContractTests
{
    private readonly TestDatabase _database = new();

    protected override bool IsDurable => true;

    protected override Task<IDeadLetterStore> CreateStoreAsync() => Task.FromResult<IDeadLetterStore>(new PostgreSqlDeadLetterStore(_database.Open()));

    protected override Task ReleaseStoreAsync(IDeadLetterStore store) => _database.CloseAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
