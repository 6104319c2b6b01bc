namespace Grains.PostgreSql.Tests;

public sealed class PostgreSqlStorageOptionsValidatorTests
{
    private const string ConnectionString = "Host=localhost;Database=fulfillment;Username=app";

    private readonly PostgreSqlStorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_DefaultsWithConnectionString_Succeeds()
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = ConnectionString };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal("grains", options.Schema);
        Assert.Equal(512, options.MaxWriteBatchSize);
        Assert.Equal(4, options.WriteConcurrency);
        Assert.Equal(8192, options.MaxAppendBatchEvents);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CommandTimeout);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_NoConnectionString_NamesTheOption(string? connectionString)
    {
        var result = _validator.Validate(null, new PostgreSqlStorageOptions { ConnectionString = connectionString });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("PostgreSql:ConnectionString is empty; it must name the server", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnparsableConnectionString_NamesTheOptionWithoutRepeatingTheValue()
    {
        var result = _validator.Validate(null, new PostgreSqlStorageOptions { ConnectionString = "Host=db;Password=secret;Colour=blue" });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("PostgreSql:ConnectionString is not a valid Npgsql connection string: ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConnectionStringWithoutHost_NamesTheOption()
    {
        var result = _validator.Validate(null, new PostgreSqlStorageOptions { ConnectionString = "Database=fulfillment" });

        Assert.Equal(["PostgreSql:ConnectionString has no Host; it must name the server."], result.Failures);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Grains")]
    [InlineData("1grains")]
    [InlineData("grains-eu")]
    [InlineData("pg_grains")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Validate_SchemaNotAPlainIdentifier_NamesOptionValueAndRule(string schema)
    {
        var result = _validator.Validate(null, new PostgreSqlStorageOptions { ConnectionString = ConnectionString, Schema = schema });

        Assert.Equal(
            [$"PostgreSql:Schema is '{schema}'; it must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit or pg_."],
            result.Failures);
    }

    [Theory]
    [InlineData("_")]
    [InlineData("fulfillment_eu_2")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Validate_SchemaPlainIdentifier_Succeeds(string schema)
    {
        Assert.True(_validator.Validate(null, new PostgreSqlStorageOptions { ConnectionString = ConnectionString, Schema = schema }).Succeeded);
    }

    [Theory]
    [InlineData(0, 1, 1, "MaxWriteBatchSize is 0; it must be between 1 and 65536.")]
    [InlineData(65_537, 1, 1, "MaxWriteBatchSize is 65537; it must be between 1 and 65536.")]
    [InlineData(1, 0, 1, "WriteConcurrency is 0; it must be between 1 and 64.")]
    [InlineData(1, 65, 1, "WriteConcurrency is 65; it must be between 1 and 64.")]
    [InlineData(1, 1, 0, "MaxAppendBatchEvents is 0; it must be between 1 and 1000000.")]
    [InlineData(1, 1, 1_000_001, "MaxAppendBatchEvents is 1000001; it must be between 1 and 1000000.")]
    public void Validate_BatchingOutOfRange_NamesOptionValueAndRule(int maxWriteBatchSize, int writeConcurrency, int maxAppendBatchEvents, string expected)
    {
        var result = _validator.Validate(null, new PostgreSqlStorageOptions
        {
            ConnectionString = ConnectionString,
            MaxWriteBatchSize = maxWriteBatchSize,
            WriteConcurrency = writeConcurrency,
            MaxAppendBatchEvents = maxAppendBatchEvents,
        });

        Assert.Equal([$"PostgreSql:{expected}"], result.Failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3601)]
    public void Validate_CommandTimeoutOutOfRange_NamesOptionValueAndRule(int seconds)
    {
        var timeout = TimeSpan.FromSeconds(seconds);

        var result = _validator.Validate(null, new PostgreSqlStorageOptions { ConnectionString = ConnectionString, CommandTimeout = timeout });

        Assert.Equal([$"PostgreSql:CommandTimeout is {timeout}; it must be greater than zero and at most 01:00:00."], result.Failures);
    }

    [Fact]
    public void Validate_NamedOptions_PrefixNamesTheProvider()
    {
        var result = _validator.Validate("Carts", new PostgreSqlStorageOptions { ConnectionString = ConnectionString, Schema = "Carts" });

        Assert.StartsWith("PostgreSql[Carts]:Schema is 'Carts'", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_InvalidOptions_ThrowsArgumentExceptionListingEveryFailure()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgreSqlDatabase.Open(new PostgreSqlStorageOptions { Schema = "X", WriteConcurrency = 0 }));

        Assert.Contains("PostgreSql:ConnectionString is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSql:Schema is 'X'", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSql:WriteConcurrency is 0", error.Message, StringComparison.Ordinal);
    }
}
