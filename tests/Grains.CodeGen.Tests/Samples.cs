namespace Grains.CodeGen.Tests;

/// <summary>Grain sources the tests compile.</summary>
internal static class Samples
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Grains;
        using Microsoft.Extensions.DependencyInjection;

        """;

    /// <summary>A grain interface covering every return kind, a grain class for it, and a plain implementation to call.</summary>
    public const string Counter = Usings + """
        namespace MyApp;

        public interface ICounterGrain : IGrainWithStringKey
        {
            Task<int> Add(int amount, string note);

            [ReadOnly]
            Task<int> Get();

            Task Reset();

            ValueTask<string> Describe(List<int> values, string? label, Point point);

            ValueTask Touch(DateTimeOffset at);
        }

        public sealed record Point(int X, int Y);

        public sealed class CounterState
        {
            public int Value { get; set; }
        }

        public interface IClock
        {
            DateTimeOffset Now { get; }
        }

        public interface IGreeter
        {
            string Greet(string name);
        }

        public sealed class SystemClock : IClock
        {
            public DateTimeOffset Now => DateTimeOffset.UtcNow;
        }

        public sealed class Greeter : IGreeter
        {
            public string Greet(string name) => "Hello, " + name;
        }

        public enum Mode
        {
            Slow = 1,
            Fast = 2,
        }

        public sealed class CounterGrain : Grain, ICounterGrain
        {
            public CounterGrain(
                [PersistentState("counter", "store")] IPersistentState<CounterState> state,
                IClock clock,
                IGreeter? greeter,
                int retries = 3,
                Mode mode = Mode.Fast,
                string label = "a \"quoted\" label")
            {
                State = state;
                Clock = clock;
                Greeter = greeter;
                Retries = retries;
                Mode = mode;
                Label = label;
            }

            public IPersistentState<CounterState> State { get; }
            public IClock Clock { get; }
            public IGreeter? Greeter { get; }
            public int Retries { get; }
            public Mode Mode { get; }
            public string Label { get; }

            public Task<int> Add(int amount, string note) => Task.FromResult(State.State.Value += amount);
            public Task<int> Get() => Task.FromResult(State.State.Value);
            public Task Reset() => Task.CompletedTask;
            public ValueTask<string> Describe(List<int> values, string? label, Point point) => new(label ?? "");
            public ValueTask Touch(DateTimeOffset at) => default;
        }

        /// <summary>Runs requests without an activation; records what reached it.</summary>
        public sealed class RecordingCounter : ICounterGrain
        {
            public List<string> Calls { get; } = new();
            public int Value { get; private set; }

            public Task<int> Add(int amount, string note)
            {
                Calls.Add($"Add({amount}, {note})");
                return Task.FromResult(Value += amount);
            }

            public Task<int> Get() => Task.FromResult(Value);

            public async Task Reset()
            {
                await Task.Yield();
                Calls.Add("Reset()");
                Value = 0;
            }

            public async ValueTask<string> Describe(List<int> values, string? label, Point point)
            {
                await Task.Yield();
                return $"{string.Join(",", values)}|{label ?? "<null>"}|{point.X},{point.Y}";
            }

            public ValueTask Touch(DateTimeOffset at)
            {
                Calls.Add($"Touch({at:O})");
                return default;
            }
        }
        """;

    /// <summary>Wraps grain declarations in the usual usings and a namespace.</summary>
    public static string InNamespace(string declarations) => Usings + "namespace MyApp;\n\n" + declarations;
}
