namespace Fulfillment.Api.Hosting;

public sealed class SqliteSettings
{
    /// <summary>The database file holding state, reminders and streams. Default <c>data/fulfillment.db</c>.</summary>
    public string DataSource { get; set; } = "data/fulfillment.db";
}
