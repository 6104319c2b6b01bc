using Fulfillment.Api.Problems;
using Grains;
using Microsoft.AspNetCore.Http;

namespace Fulfillment.Api.Tests;

public sealed class ProblemMappingTests
{
    public static TheoryData<Exception, int, string, int?> Cases => new()
    {
        { new GrainOverloadedException("full"), 503, "Grain overloaded", 1 },
        { new SiloUnavailableException("stopping"), 503, "Silo unavailable", 5 },
        { new TimeoutException("late"), 504, "Grain call timed out", null },
        { new InconsistentStateException("etag"), 409, "Concurrent update", null },
        { new DeadlockException("A -> B -> A"), 500, "Grain call deadlock", null },
        { new RemoteGrainException("Shop.OutOfStockException", "none left"), 502, "Grain failed", null },
        { new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge), 413, "Request body too large", null },
        { new BadHttpRequestException("Malformed request line.", StatusCodes.Status400BadRequest), 400, "Bad request", null },
        { new InvalidOperationException("bug"), 500, "Unexpected error", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_GivesEachExceptionItsOwnProblem(Exception exception, int status, string title, int? retryAfter)
    {
        var problem = ExceptionProblems.Map(exception);

        Assert.Equal(status, problem.Status);
        Assert.Equal(title, problem.Title);
        Assert.Equal(retryAfter, problem.RetryAfterSeconds);
    }

    [Fact]
    public void Map_RemoteGrainException_NamesTheOriginalType()
    {
        var problem = ExceptionProblems.Map(new RemoteGrainException("Shop.OutOfStockException", "none left"));

        Assert.Equal("Shop.OutOfStockException: none left", problem.Detail);
    }

    [Fact]
    public void Map_UnexpectedException_DoesNotLeakItsMessage()
    {
        var problem = ExceptionProblems.Map(new InvalidOperationException("connection string Password=secret"));

        Assert.DoesNotContain("secret", problem.Detail, StringComparison.Ordinal);
    }
}
