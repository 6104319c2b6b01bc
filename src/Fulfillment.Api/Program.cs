using Fulfillment.Api.Hosting;

// Configuration comes from next to the binaries; relative data paths from the working directory (./data).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddFulfillment();

var app = builder.Build();
app.UseFulfillment();
app.Run();

/// <summary>The service host. Partial and public so tests and benchmarks can name this assembly.</summary>
public partial class Program;
