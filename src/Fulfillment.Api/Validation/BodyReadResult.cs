using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Validation;

/// <summary>A request body read as <typeparamref name="T"/>, or the problem that refuses it.</summary>
internal readonly record struct BodyReadResult<T>(T? Value, ProblemHttpResult? Problem)
    where T : class;
