namespace Grains.Sqlite.Tests;

public sealed class SqliteStorageOptionsValidatorTests
{
    private readonly SqliteStorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var options = new SqliteStorageOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal("data/grains.db", options.DataSource);
        Assert.Equal(SqliteSynchronousMode.Full, options.Synchronous);
        Assert.Equal(1024, options.MaxBatchSize);
        Assert.Equal(65_536, options.CacheSizeKiB);
        Assert.Equal(10_000, options.WalAutoCheckpointPages);
    }

    [Theory]
    [InlineData(127)]
    [InlineData(0)]
    [InlineData(16_777_217)]
    public void Validate_CacheSizeOutOfRange_NamesOptionValueAndRule(int cacheSizeKiB)
    {
        var result = _validator.Validate(null, new SqliteStorageOptions { CacheSizeKiB = cacheSizeKiB });

        Assert.Equal([$"Sqlite:CacheSizeKiB is {cacheSizeKiB}; it must be between 128 and 16777216."], result.Failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_000_001)]
    public void Validate_WalAutoCheckpointOutOfRange_NamesOptionValueAndRule(int pages)
    {
        var result = _validator.Validate(null, new SqliteStorageOptions { WalAutoCheckpointPages = pages });

        Assert.Equal([$"Sqlite:WalAutoCheckpointPages is {pages}; it must be between 1 and 10000000."], result.Failures);
    }

    [Fact]
    public void Validate_TuningAtBounds_Succeeds()
    {
        Assert.True(_validator.Validate(null, new SqliteStorageOptions { CacheSizeKiB = 128, WalAutoCheckpointPages = 1 }).Succeeded);
        Assert.True(_validator.Validate(null, new SqliteStorageOptions { CacheSizeKiB = 16_777_216, WalAutoCheckpointPages = 10_000_000 }).Succeeded);
    }

    [Theory]
    [InlineData("", "Sqlite:DataSource is ''; it must be a file path.")]
    [InlineData("  ", "Sqlite:DataSource is '  '; it must be a file path.")]
    [InlineData(":memory:", "Sqlite:DataSource is ':memory:'; it must be a file path, not an in-memory database or URI.")]
    [InlineData("file:grains.db?mode=memory", "Sqlite:DataSource is 'file:grains.db?mode=memory'; it must be a file path, not an in-memory database or URI.")]
    [InlineData("bad\0path.db", "Sqlite:DataSource is 'bad\0path.db'; it must not contain characters that are invalid in a path.")]
    public void Validate_BadDataSource_NamesOptionValueAndRule(string dataSource, string expected)
    {
        var result = _validator.Validate(null, new SqliteStorageOptions { DataSource = dataSource });

        Assert.Equal([expected], result.Failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65_537)]
    public void Validate_MaxBatchSizeOutOfRange_NamesOptionValueAndRule(int maxBatchSize)
    {
        var result = _validator.Validate(null, new SqliteStorageOptions { MaxBatchSize = maxBatchSize });

        Assert.Equal([$"Sqlite:MaxBatchSize is {maxBatchSize}; it must be between 1 and 65536."], result.Failures);
    }

    [Fact]
    public void Validate_BusyTimeoutZero_NamesOptionValueAndRule()
    {
        var result = _validator.Validate(null, new SqliteStorageOptions { BusyTimeout = TimeSpan.Zero });

        Assert.Equal([$"Sqlite:BusyTimeout is 00:00:00; it must be greater than zero and at most {int.MaxValue} ms."], result.Failures);
    }

    [Fact]
    public void Validate_BusyTimeoutBeyondMilliseconds_NamesOptionValueAndRule()
    {
        var result = _validator.Validate(null, new SqliteStorageOptions { BusyTimeout = TimeSpan.FromDays(30) });

        Assert.Equal([$"Sqlite:BusyTimeout is 30.00:00:00; it must be greater than zero and at most {int.MaxValue} ms."], result.Failures);
    }

    [Fact]
    public void Validate_UndefinedSynchronousMode_NamesOptionValueAndRule()
    {
        var result = _validator.Validate(null, new SqliteStorageOptions { Synchronous = (SqliteSynchronousMode)7 });

        Assert.Equal(["Sqlite:Synchronous is 7; it must be Normal or Full."], result.Failures);
    }

    [Fact]
    public void Validate_NamedOptions_PrefixesProviderName()
    {
        var result = _validator.Validate("Carts", new SqliteStorageOptions { MaxBatchSize = 0 });

        Assert.Equal(["Sqlite[Carts]:MaxBatchSize is 0; it must be between 1 and 65536."], result.Failures);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        var result = _validator.Validate(null, new SqliteStorageOptions { DataSource = "", MaxBatchSize = 0, BusyTimeout = TimeSpan.FromSeconds(-1) });

        Assert.Equal(3, result.Failures?.Count());
    }
}
