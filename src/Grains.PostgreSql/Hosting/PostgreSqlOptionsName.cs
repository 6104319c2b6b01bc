namespace Grains.PostgreSql;

/// <summary>The options name of one registered PostgreSQL provider, so its database can be opened when the host starts.</summary>
internal sealed record PostgreSqlOptionsName(string Name);
