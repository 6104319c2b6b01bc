using Fulfillment.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddFulfillment();

var app = builder.Build();
app.UseFulfillment();
app.Run();

/// <summary>The service host. Partial and public so tests and benchmarks can name this assembly.</summary>
public partial class Program;
