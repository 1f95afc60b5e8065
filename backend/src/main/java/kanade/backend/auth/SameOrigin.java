package kanade.backend.auth;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import kanade.backend.api.ApiException;
import kanade.backend.api.ErrorCode;

/**
 * Refuses requests a browser sends on behalf of another site: {@code Sec-Fetch-Site} other than same-origin or none
 * (a typed URL), or an {@code Origin} whose host and port are not this request's {@code Host}. Clients that are not
 * browsers send neither header and pass.
 */
final class SameOrigin {
    private SameOrigin() {
    }

    static void require(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            throw refused();
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameHost(origin, ctx.header("Host"))) {
            throw refused();
        }
    }

    private static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin.strip()).getRawAuthority();
            return authority != null && authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ApiException refused() {
        return new ApiException(ErrorCode.CROSS_SITE_REQUEST, "cross-site requests are refused; call the API from "
                + "the dashboard's own origin or from a non-browser client");
    }
}
