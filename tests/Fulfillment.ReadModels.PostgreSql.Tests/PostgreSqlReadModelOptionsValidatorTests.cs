namespace Fulfillment.ReadModels.PostgreSql.Tests;

public sealed class PostgreSqlReadModelOptionsValidatorTests
{
    private const string ConnectionString = "Host=localhost;Database=fulfillment;Username=app";

    private readonly PostgreSqlReadModelOptionsValidator _validator = new();

    [Fact]
    public void Validate_DefaultsWithConnectionString_Succeeds()
    {
        var options = new PostgreSqlReadModelOptions { ConnectionString = ConnectionString };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(("fulfillment", TimeSpan.FromSeconds(30)), (options.Schema, options.CommandTimeout));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Validate_NoConnectionString_NamesItAndWhereTheServiceReadsIt(string? connectionString)
    {
        var result = _validator.Validate(null, new PostgreSqlReadModelOptions { ConnectionString = connectionString });

        Assert.Equal(
            ["ReadModel:PostgreSql:ConnectionString is empty; it must name the server, e.g. 'Host=localhost;Database=fulfillment;Username=app' (ConnectionStrings:Fulfillment in the service)."],
            result.Failures);
    }

    [Theory]
    [InlineData("Orders")]
    [InlineData("pg_orders")]
    [InlineData("1orders")]
    [InlineData("")]
    public void Validate_BadSchema_NamesIt(string schema)
    {
        var result = _validator.Validate(null, new PostgreSqlReadModelOptions { ConnectionString = ConnectionString, Schema = schema });

        Assert.Equal(
            [$"ReadModel:PostgreSql:Schema is '{schema}'; it must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit or pg_."],
            result.Failures);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("01:00:01")]
    public void Validate_CommandTimeoutOutOfRange_NamesIt(string timeout)
    {
        var result = _validator.Validate(null, new PostgreSqlReadModelOptions { ConnectionString = ConnectionString, CommandTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal([$"ReadModel:PostgreSql:CommandTimeout is {timeout}; it must be greater than zero and at most 01:00:00."], result.Failures);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingEveryFailure()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlReadModelStore(new PostgreSqlReadModelOptions { Schema = "X" }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("ReadModel:PostgreSql:ConnectionString is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReadModel:PostgreSql:Schema is 'X'", error.Message, StringComparison.Ordinal);
    }
}
