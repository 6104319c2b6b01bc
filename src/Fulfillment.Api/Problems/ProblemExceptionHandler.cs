using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Fulfillment.Api.Problems;

/// <summary>Answers every unhandled exception with the problem document <see cref="ExceptionProblems"/> chooses, and logs it at the level it deserves.</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Not a standard code: the client went away, so nobody reads the answer (as nginx records it).</summary>
    private const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            LogAborted(httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.StatusCode = ClientClosedRequest;
            return true;
        }

        var problem = ExceptionProblems.Map(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError && problem.Status != StatusCodes.Status503ServiceUnavailable)
        {
            LogFailed(httpContext.Request.Method, httpContext.Request.Path, problem.Status, exception);
        }
        else
        {
            LogRefused(httpContext.Request.Method, httpContext.Request.Path, problem.Status, exception.GetType().Name, exception.Message);
        }

        httpContext.Response.StatusCode = problem.Status;
        if (problem.RetryAfterSeconds is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = problem.Status, Title = problem.Title, Detail = problem.Detail },
        });
    }

    [LoggerMessage(2201, LogLevel.Error, "{Method} {Path} failed with {Status}")]
    private partial void LogFailed(string method, PathString path, int status, Exception exception);

    [LoggerMessage(2202, LogLevel.Information, "{Method} {Path} answered {Status}: {ExceptionType}: {Message}")]
    private partial void LogRefused(string method, PathString path, int status, string exceptionType, string message);

    [LoggerMessage(2203, LogLevel.Debug, "{Method} {Path} was aborted by the client")]
    private partial void LogAborted(string method, PathString path);
}
