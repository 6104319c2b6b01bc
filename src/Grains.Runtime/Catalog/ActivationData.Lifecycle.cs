namespace Grains.Runtime.Catalog;

internal sealed partial class ActivationData
{
    private DeactivationReason? _pendingDeactivation;
    private long _lastActivityTimestamp;
    private TaskCompletionSource? _deactivated;

    /// <summary>Completes when the activation has deactivated (or failed to activate) and left the directory.</summary>
    public Task Deactivated
    {
        get
        {
            lock (_lock)
            {
                _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_state == ActivationState.Invalid)
                {
                    _deactivated.TrySetResult();
                }

                return _deactivated.Task;
            }
        }
    }

    /// <summary>Asks the activation to deactivate once its running requests complete (shutdown: once its mailbox is empty too).</summary>
    public void StartDeactivation(DeactivationReason reason)
    {
        bool schedule;
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                return;
            }

            // Shutdown outranks other reasons: it must drain the mailbox rather than hand it on.
            if (_pendingDeactivation is null || reason.Code == DeactivationReasonCode.ShuttingDown)
            {
                _pendingDeactivation = reason;
            }

            schedule = TrySchedule();
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    public void DeactivateOnIdle() => StartDeactivation(DeactivationReason.Requested);

    /// <summary>Starts idle deactivation if nothing ran for <paramref name="maxIdleTicks"/> timestamp ticks.</summary>
    public bool TryCollectIfIdle(long nowTimestamp, long maxIdleTicks)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _pendingDeactivation is not null || _runningCount > 0
                || _waiting is { Count: > 0 } || _ready is { Count: > 0 }
                || nowTimestamp - _lastActivityTimestamp < maxIdleTicks)
            {
                return false;
            }
        }

        StartDeactivation(DeactivationReason.Idle);
        return true;
    }

    private void RunActivation()
    {
        // A call routed here just before the partition moved must not activate the grain on a silo that lost it.
        if (!Runtime.Ownership.TryGetFence(Partition, out var fence))
        {
            CompleteActivation(new SiloUnavailableException($"This silo does not own partition {Partition} of {GrainId}."));
            return;
        }

        lock (_lock)
        {
            _fence = fence;
        }

        Task activation;
        try
        {
            s_constructing = this;
            try
            {
                _grain = GrainClass.Activator(Runtime.Services, this);
            }
            finally
            {
                s_constructing = null;
            }

            activation = _statesToLoad is null
                ? _grain.OnActivateAsync(Runtime.StoppingToken)
                : LoadStateThenActivateAsync();
        }
        catch (Exception error)
        {
            CompleteActivation(error);
            return;
        }

        if (activation.IsCompleted)
        {
            CompleteActivation(activation.IsCompletedSuccessfully ? null : Unwrap(activation));
        }
        else
        {
            _ = AwaitActivationAsync(activation);
        }
    }

    private async Task LoadStateThenActivateAsync()
    {
        foreach (var state in _statesToLoad!)
        {
            await state.LoadAsync(Runtime.StoppingToken);
        }

        _statesToLoad = null;
        await _grain!.OnActivateAsync(Runtime.StoppingToken);
    }

    // Runs on this activation's context: the await resumes as a continuation inside the activation.
    private async Task AwaitActivationAsync(Task activation)
    {
        Exception? error = null;
        try
        {
            await activation.WaitAsync(Runtime.Options.ActivationTimeout, Runtime.Time);
        }
        catch (TimeoutException)
        {
            error = new TimeoutException($"Activating {GrainId} took longer than GrainsOptions.ActivationTimeout ({Runtime.Options.ActivationTimeout}).");
        }
        catch (Exception caught)
        {
            error = caught;
        }

        CompleteActivation(error);
    }

    private void CompleteActivation(Exception? error)
    {
        if (error is null)
        {
            lock (_lock)
            {
                _state = ActivationState.Valid;
                _lastActivityTimestamp = Runtime.Time.GetTimestamp();
            }

            Runtime.Metrics.ActivationCreated();
            return;
        }

        List<GrainRequest> failed;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            failed = TakeWaiting();
            _deactivated?.TrySetResult();
        }

        LogActivationFailed(GrainId, error);
        Runtime.Catalog.OnActivationFailed(this);
        foreach (var request in failed)
        {
            request.Fail(error);
        }
    }

    private void RunDeactivation()
    {
        DeactivationReason reason;
        lock (_lock)
        {
            reason = _pendingDeactivation ?? DeactivationReason.Requested;
        }

        DisposeTimers();
        Task deactivation;
        try
        {
            deactivation = _grain?.OnDeactivateAsync(reason, Runtime.StoppingToken) ?? Task.CompletedTask;
        }
        catch (Exception error)
        {
            LogDeactivationFailed(GrainId, error);
            deactivation = Task.CompletedTask;
        }

        if (deactivation.IsCompleted)
        {
            if (!deactivation.IsCompletedSuccessfully)
            {
                LogDeactivationFailed(GrainId, Unwrap(deactivation));
            }

            CompleteDeactivation(reason);
        }
        else
        {
            _ = AwaitDeactivationAsync(deactivation, reason);
        }
    }

    private async Task AwaitDeactivationAsync(Task deactivation, DeactivationReason reason)
    {
        try
        {
            await deactivation.WaitAsync(Runtime.Options.DeactivationTimeout, Runtime.Time);
        }
        catch (Exception error)
        {
            LogDeactivationFailed(GrainId, error);
        }

        CompleteDeactivation(reason);
    }

    private void CompleteDeactivation(DeactivationReason reason)
    {
        List<GrainRequest> leftovers;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            leftovers = TakeWaiting();
        }

        LogDeactivated(GrainId, reason.Code);
        Runtime.Metrics.ActivationDeactivated(reason.Code);
        Runtime.Catalog.OnDeactivated(this, leftovers);
        lock (_lock)
        {
            _deactivated?.TrySetResult();
        }
    }

    /// <summary>Stops the activation at once without running OnDeactivateAsync (the silo is being killed).</summary>
    public void Abandon()
    {
        List<GrainRequest> stranded;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            stranded = TakeWaiting();
            _deactivated?.TrySetResult();
        }

        DisposeTimers();
        var error = new SiloUnavailableException($"The silo stopped abruptly; {GrainId} was not reached.");
        foreach (var request in stranded)
        {
            request.Fail(error);
        }
    }

    private List<GrainRequest> TakeWaiting()
    {
        if (_waiting is not { Count: > 0 })
        {
            return [];
        }

        var taken = new List<GrainRequest>(_waiting);
        Runtime.Metrics.MailboxDequeued(taken.Count);
        _waiting.Clear();
        return taken;
    }

    private static Exception Unwrap(Task task) =>
        task.Exception?.InnerExceptions.Count == 1 ? task.Exception.InnerException! : (Exception?)task.Exception ?? new TaskCanceledException(task);
}
