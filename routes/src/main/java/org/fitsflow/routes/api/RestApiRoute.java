package org.fitsflow.routes.api;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.ResponseMessageDefinition;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestParamType;
import org.fitsflow.routes.config.RouteErrorPolicy;
import org.springframework.stereotype.Component;

/**
 * The REST API under {@code /api/process} (Camel REST DSL on platform-http, i.e. Spring MVC/Tomcat).
 * Two endpoints of the API are Spring MVC controllers instead, each saying why: the multipart upload
 * ({@code UploadController}) and the server-sent events ({@code JobEventsController}). Each verb declares its
 * answers, bodies and error codes, so that {@code /api/openapi.json} describes them; the routes below call
 * the API's beans ({@link SessionApi}, {@link JobApi}, {@link ThumbnailApi}, {@link RestretchApi},
 * {@link PipelineApi}, {@link TargetApi}).
 *
 * <p>Errors: the {@link RouteErrorPolicy#REST} policy; every failure ends in {@link ErrorResponses} as
 * {@code {"error", "detail"}} with its status: {@link ApiException} with its own, unreadable JSON and malformed
 * parameters 400, anything else 500 (logged, no stack trace in the answer).
 */
@Component
public class RestApiRoute extends RouteBuilder {
    private static final String JSON = "application/json";

    @Override
    public void configure() {
        restConfiguration()
                .component("platform-http")
                .bindingMode(RestBindingMode.json)
                // error answers are already JSON text (ErrorResponses); binding must not quote them again
                .skipBindingOnErrorCode(true)
                .endpointProperty("headerFilterStrategy", "#responseHeaderFilter")
                .dataFormatProperty("prettyPrint", "false")
                .apiContextPath("/api/openapi.json")
                .apiProperty("api.title", "FitsFlow processing API")
                .apiProperty("api.version", "1");

        rest("/api/process").description("Sessions, uploads, jobs, pipelines and targets")
                .post("/sessions").id("api-create-session").description("Create an upload session")
                    .type(CreateSessionRequest.class)
                    .responseMessage(answer(201, "The new session, taking uploads").responseModel(SessionView.class))
                    .responseMessage(error(400, "No session_name, or a longer one than 200 characters"))
                    .to("direct:create-session")
                .get("/sessions").id("api-list-sessions").description("Sessions, newest first")
                    .outType(SessionView[].class).responseMessage(answer(200, "Up to 500 sessions"))
                    .to("direct:list-sessions")
                .get("/sessions/{id}").id("api-get-session").description("A session with its files and jobs")
                    .outType(SessionDetailView.class).responseMessage(answer(200, "The session"))
                    .responseMessage(error(404, "No such session"))
                    .to("direct:get-session")
                .delete("/sessions/{id}").id("api-delete-session").description("Delete a session, its files and jobs")
                    .outType(DeletedView.class).responseMessage(answer(200, "Deleted; its unfinished jobs were cancelled"))
                    .responseMessage(error(404, "No such session"))
                    .to("direct:delete-session")
                .post("/sessions/{id}/finalize").id("api-finalize-session").description("Close a session for uploads")
                    .outType(SessionView.class).responseMessage(answer(200, "The session, ready"))
                    .responseMessage(error(404, "No such session")).responseMessage(error(409, "Already ready"))
                    .to("direct:finalize-session")
                .post("/sessions/{id}/process").id("api-process-session")
                    .description("Queue one job per file of the session with the named pipeline")
                    .type(ProcessRequest.class)
                    .responseMessage(answer(202, "Queued: one job per file, or one over all files for a pipeline over subs")
                            .responseModel(QueuedJobsView.class))
                    .responseMessage(error(400, "No pipeline_name, or an unknown one")).responseMessage(error(404, "No such session"))
                    .responseMessage(error(409, "The session is still uploading, has no files to process, "
                            + "or only calibration frames for a pipeline over subs"))
                    .to("direct:process-session")
                .get("/jobs").id("api-list-jobs").description("Jobs, most recent first")
                    .param().name("limit").type(RestParamType.query).required(false).description("at most this many (1-1000, default 50)").endParam()
                    .outType(JobView[].class).responseMessage(answer(200, "The jobs"))
                    .responseMessage(error(400, "A limit that is no whole number from 1 to 1000"))
                    .to("direct:list-jobs")
                .get("/jobs/{id}").id("api-get-job").description("A job's status and outputs")
                    .outType(JobView.class).responseMessage(answer(200, "The job")).responseMessage(error(404, "No such job"))
                    .to("direct:get-job")
                .get("/jobs/{id}/download").id("api-download-job").bindingMode(RestBindingMode.off)
                    .description("The main output of a complete job, or the output named by ?file=")
                    .param().name("file").type(RestParamType.query).required(false).description("an output file name of this job").endParam()
                    .responseMessage(answer(200, "The output file, with its content type and file name"))
                    .responseMessage(error(404, "No such job, or no such output of it"))
                    .responseMessage(error(409, "The job is not complete")).responseMessage(error(410, "Retention removed the outputs"))
                    .to("direct:download-job")
                .get("/jobs/{id}/thumbnails/{file}").id("api-job-thumbnail").bindingMode(RestBindingMode.off)
                    .description("A thumbnail of a JPEG output (longest side 320 or 1080 px), as the job view lists it")
                    .param().name("If-None-Match").type(RestParamType.header).required(false)
                        .description("the ETag of a copy the client holds").endParam()
                    .responseMessage(answer(200, "The thumbnail, image/jpeg, with ETag and Cache-Control"))
                    .responseMessage(answer(304, "The client's copy (If-None-Match) is current"))
                    .responseMessage(error(404, "No such job, or no such thumbnail of it"))
                    .to("direct:job-thumbnail")
                .post("/jobs/{id}/restretch").id("api-restretch-job")
                    .description("Stretch the job's master (or single frame) again with these settings: a new job")
                    .type(Map.class)
                    .responseMessage(answer(202, "The queued re-stretch job").responseModel(JobView.class))
                    .responseMessage(error(400, "An unknown setting, or a value of the wrong kind or out of its range"))
                    .responseMessage(error(404, "No such job"))
                    .responseMessage(error(409, "The job is not complete, or its master or frame is gone"))
                    .to("direct:restretch-job")
                .post("/jobs/{id}/keep").id("api-keep-restretch")
                    .description("Keep a re-stretch: its preview stands for its source job's; on a job that is no re-stretch, bring back its own")
                    .outType(JobView.class).responseMessage(answer(200, "The job whose preview changed"))
                    .responseMessage(error(404, "No such job")).responseMessage(error(409, "The re-stretch is not complete"))
                    .to("direct:keep-restretch")
                .post("/jobs/{id}/cancel").id("api-cancel-job").description("Stop a queued or running job")
                    .outType(JobView.class).responseMessage(answer(200, "The job, cancelled"))
                    .responseMessage(error(404, "No such job")).responseMessage(error(409, "The job had already ended"))
                    .to("direct:cancel-job")
                .get("/pipelines").id("api-list-pipelines").description("Built-in and custom pipelines")
                    .outType(PipelineView[].class).responseMessage(answer(200, "The pipelines, built-in first"))
                    .to("direct:list-pipelines")
                .post("/pipelines").id("api-create-pipeline").bindingMode(RestBindingMode.off)
                    .consumes("application/yaml,application/json,text/plain")
                    .description("Add a custom pipeline (YAML or JSON), validated before it is stored")
                    .responseMessage(answer(201, "The stored pipeline").responseModel(PipelineView.class))
                    .responseMessage(error(400, "The definition does not validate, or names a built-in pipeline"))
                    .to("direct:create-pipeline")
                .get("/targets").id("api-list-targets").description("Targets (object and filter), newest activity first")
                    .outType(TargetListView.class).responseMessage(answer(200, "The targets with their latest pictures"))
                    .to("direct:list-targets")
                .get("/targets/{id}").id("api-get-target").description("A target with its deep stack, nights and frames")
                    .outType(TargetDetailView.class).responseMessage(answer(200, "The target"))
                    .responseMessage(error(404, "No such target"))
                    .to("direct:get-target")
                .get("/targets/{id}/nights/{date}").id("api-get-night").description("A night of a target (date: YYYY-MM-DD, its first noon)")
                    .outType(NightView.class).responseMessage(answer(200, "The night"))
                    .responseMessage(error(404, "No such target, or no such night of it"))
                    .to("direct:get-night")
                .post("/targets/{id}/nights/{date}/restack").id("api-restack-night").description("Stack the night again")
                    .responseMessage(answer(202, "Queued: the night's new stack job").responseModel(RestackView.class))
                    .responseMessage(error(404, "No such target, or no such night of it"))
                    .responseMessage(error(409, "The night is stacking"))
                    .to("direct:restack-night");

        from("direct:create-session").routeId("create-session").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(SessionApi.class, "create")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201));
        from("direct:list-sessions").routeId("list-sessions").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(SessionApi.class, "list");
        from("direct:get-session").routeId("get-session").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(SessionApi.class, "get(${header.id})");
        from("direct:delete-session").routeId("delete-session").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(SessionApi.class, "delete(${header.id})");
        from("direct:finalize-session").routeId("finalize-session").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(SessionApi.class, "finalizeUploads(${header.id})");
        from("direct:process-session").routeId("process-session").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(SessionApi.class, "process(${header.id}, ${body})")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));

        from("direct:list-jobs").routeId("list-jobs").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(JobApi.class, "list(${header.limit})");
        from("direct:get-job").routeId("get-job").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(JobApi.class, "get(${header.id})");
        from("direct:download-job").routeId("download-job").routeConfigurationId(RouteErrorPolicy.REST)
                .setProperty("download", method(JobApi.class, "download(${header.id}, ${header.file})"))
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, simple("${exchangeProperty.download.contentType()}"))
                .setHeader("Content-Disposition", simple("${exchangeProperty.download.contentDisposition()}"))
                .setBody(simple("${exchangeProperty.download.path().toFile()}"));
        from("direct:job-thumbnail").routeId("job-thumbnail").routeConfigurationId(RouteErrorPolicy.REST)
                .setProperty("thumbnail", method(ThumbnailApi.class, "thumbnail"))
                .removeHeaders("*")
                .setHeader("ETag", simple("${exchangeProperty.thumbnail.etag()}"))
                .setHeader("Cache-Control", constant(ThumbnailFile.CACHE_CONTROL))
                .choice()
                    .when(simple("${exchangeProperty.thumbnail.notModified()}"))
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(304))
                        .setBody(constant(""))
                    .otherwise()
                        .setHeader(Exchange.CONTENT_TYPE, simple("${exchangeProperty.thumbnail.contentType()}"))
                        .setBody(simple("${exchangeProperty.thumbnail.path().toFile()}"))
                .end();
        from("direct:restretch-job").routeId("restretch-job").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(RestretchApi.class, "restretch(${header.id}, ${body})")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));
        from("direct:keep-restretch").routeId("keep-restretch").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(RestretchApi.class, "keep(${header.id})");
        from("direct:cancel-job").routeId("cancel-job").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(JobApi.class, "cancel(${header.id})");

        from("direct:list-pipelines").routeId("list-pipelines").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(PipelineApi.class, "list");
        from("direct:create-pipeline").routeId("create-pipeline").routeConfigurationId(RouteErrorPolicy.REST)
                .convertBodyTo(String.class)
                .bean(PipelineApi.class, "create")
                .bean(JsonWriter.class, "write")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201))
                .setHeader(Exchange.CONTENT_TYPE, constant(JSON));

        from("direct:list-targets").routeId("list-targets").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(TargetApi.class, "list");
        from("direct:get-target").routeId("get-target").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(TargetApi.class, "get(${header.id})");
        from("direct:get-night").routeId("get-night").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(TargetApi.class, "night(${header.id}, ${header.date})");
        from("direct:restack-night").routeId("restack-night").routeConfigurationId(RouteErrorPolicy.REST)
                .bean(TargetApi.class, "restack(${header.id}, ${header.date})")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));
    }

    /**
     * A successful answer of the OpenAPI description: with {@code outType}, its body for a 200; a verb that
     * answers 201 or 202 names the body's model here instead, since an {@code outType} is described as a 200.
     */
    private static ResponseMessageDefinition answer(int code, String what) {
        return new ResponseMessageDefinition().code(code).message(what);
    }

    /** An error answer of the OpenAPI description: {@code {"error", "detail"}} with that status. */
    private static ResponseMessageDefinition error(int code, String when) {
        return new ResponseMessageDefinition().code(code).message(when).responseModel(ErrorBody.class);
    }
}
