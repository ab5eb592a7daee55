package dev.longtail.support.admin;

import dev.longtail.support.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/**
 * {@code /admin/consumers}: the state of the service's Kafka consumers, and pause, resume and drain of one channel
 * ({@code ?channel=}) or all. Drain answers once in-flight records are processed and their offsets committed.
 */
@Path("/admin/consumers")
@Produces(MediaType.APPLICATION_JSON)
public class ConsumerResource {

    private static final long MAX_DRAIN_SECONDS = 600;

    private final ConsumerControl control;

    public ConsumerResource(ConsumerControl control) {
        this.control = control;
    }

    @GET
    public List<ConsumerControl.ChannelState> list(@QueryParam("channel") String channel) {
        return control.states(channel);
    }

    @POST
    @Path("/pause")
    public List<ConsumerControl.ChannelState> pause(@QueryParam("channel") String channel) {
        return control.pause(channel);
    }

    @POST
    @Path("/resume")
    public List<ConsumerControl.ChannelState> resume(@QueryParam("channel") String channel) {
        return control.resume(channel);
    }

    /** Pauses, then waits up to {@code timeoutSeconds} (default 60) for in-flight records and their commits. */
    @POST
    @Path("/drain")
    public List<ConsumerControl.ChannelState> drain(@QueryParam("channel") String channel,
            @QueryParam("timeoutSeconds") @DefaultValue("60") long timeoutSeconds) {
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_DRAIN_SECONDS) {
            throw ProblemException.badRequest("timeoutSeconds must be in [1, " + MAX_DRAIN_SECONDS + "], was " + timeoutSeconds);
        }
        return control.drain(channel, Duration.ofSeconds(timeoutSeconds));
    }
}
