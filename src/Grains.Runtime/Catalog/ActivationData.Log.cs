using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Catalog;

internal sealed partial class ActivationData
{
    private ILogger Logger => Runtime.ActivationLogger;

    private void LogRequestFailed(GrainId grainId, string method, Exception error) => Log.RequestFailed(Logger, grainId, method, error);

    private void LogContinuationFailed(GrainId grainId, Exception error) => Log.ContinuationFailed(Logger, grainId, error);

    private void LogActivationFailed(GrainId grainId, Exception error) => Log.ActivationFailed(Logger, grainId, error);

    private void LogDeactivationFailed(GrainId grainId, Exception error) => Log.DeactivationFailed(Logger, grainId, error);

    private void LogDeactivated(GrainId grainId, DeactivationReasonCode reason) => Log.Deactivated(Logger, grainId, reason);

    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Debug, "Request {Method} on {GrainId} failed")]
        public static partial void RequestFailed(ILogger logger, GrainId grainId, string method, Exception error);

        [LoggerMessage(1002, LogLevel.Error, "A continuation of grain code on {GrainId} threw")]
        public static partial void ContinuationFailed(ILogger logger, GrainId grainId, Exception error);

        [LoggerMessage(1003, LogLevel.Warning, "Activation of {GrainId} failed; waiting requests fail with the same error")]
        public static partial void ActivationFailed(ILogger logger, GrainId grainId, Exception error);

        [LoggerMessage(1004, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed; the activation is removed anyway")]
        public static partial void DeactivationFailed(ILogger logger, GrainId grainId, Exception error);

        [LoggerMessage(1005, LogLevel.Debug, "Deactivated {GrainId} ({Reason})")]
        public static partial void Deactivated(ILogger logger, GrainId grainId, DeactivationReasonCode reason);
    }
}
