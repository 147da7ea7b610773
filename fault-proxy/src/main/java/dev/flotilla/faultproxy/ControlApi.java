package dev.flotilla.faultproxy;

import java.util.stream.Collectors;

/** The control API's routes and answers, apart from HTTP plumbing (see {@link ControlServer}). */
final class ControlApi {

    private static final String TOXICS = "/toxics";

    private final FaultProxy proxy;

    ControlApi(FaultProxy proxy) {
        this.proxy = proxy;
    }

    Response handle(String method, String path, String body) {
        if (path.equals("/health")) {
            return method.equals("GET") ? Response.ok("ok\n") : notAllowed(method, path, "GET");
        }
        if (path.equals("/stats")) {
            return method.equals("GET") ? Response.ok(proxy.stats().describe()) : notAllowed(method, path, "GET");
        }
        if (path.equals(TOXICS)) {
            return switch (method) {
                case "GET" -> Response.ok(listToxics());
                case "POST" -> createToxic(body);
                case "DELETE" -> removeAllToxics();
                default -> notAllowed(method, path, "GET, POST, DELETE");
            };
        }
        if (path.startsWith(TOXICS + "/") && path.length() > TOXICS.length() + 1) {
            String name = path.substring(TOXICS.length() + 1);
            return method.equals("DELETE") ? removeToxic(name) : notAllowed(method, path, "DELETE");
        }
        return Response.error(404, "no such path: " + path + "; paths: /health, /stats, /toxics, /toxics/{name}");
    }

    private String listToxics() {
        return proxy.toxics().stream().map(toxic -> toxic.describe() + "\n").collect(Collectors.joining());
    }

    private Response createToxic(String body) {
        try {
            Toxic toxic = ToxicForm.parse(FormBody.parse(body));
            proxy.addToxic(toxic);
            return new Response(201, toxic.describe() + "\n");
        } catch (InvalidToxicException invalid) {
            return Response.error(400, invalid.getMessage());
        } catch (DuplicateToxicException duplicate) {
            return Response.error(409, duplicate.getMessage());
        }
    }

    private Response removeToxic(String name) {
        return proxy.removeToxic(name) ? Response.noContent() : Response.error(404, "no toxic named '" + name + "'");
    }

    private Response removeAllToxics() {
        proxy.removeAllToxics();
        return Response.noContent();
    }

    private static Response notAllowed(String method, String path, String allowed) {
        return Response.error(405, method + " is not allowed on " + path + "; allowed: " + allowed);
    }
}
