using Grains.Runtime;

namespace Grains.CodeGen.Tests.Infrastructure;

/// <summary>Awaits a Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt; known only as an object.</summary>
internal static class Awaitables
{
    /// <returns>The result, or null for an awaitable without one.</returns>
    public static async Task<object?> ResultOf(object? awaitable)
    {
        switch (awaitable)
        {
            case ValueTask valueTask:
                await valueTask;
                return null;
            case Task task:
                await task;
                var result = task.GetType().GetProperty(nameof(Task<int>.Result))?.GetValue(task);
                return result is None || result?.GetType().Name == "VoidTaskResult" ? null : result;
            case not null when awaitable.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>):
                return await ResultOf(type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(awaitable, null));
            default:
                throw new InvalidOperationException($"Not an awaitable: {awaitable}.");
        }
    }
}
