namespace Fulfillment.Api.Hosting;

public sealed class PostgreSqlSettings
{
    /// <summary>
    /// The schema holding state, reminders and streams, created and migrated at start; the server comes from
    /// <c>ConnectionStrings:Fulfillment</c>. Default <c>fulfillment</c>.
    /// </summary>
    public string Schema { get; set; } = "fulfillment";
}
