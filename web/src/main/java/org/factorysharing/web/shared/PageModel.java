package org.factorysharing.web.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs besides the page's own model: the current path, to mark the navigation. */
@ControllerAdvice(basePackages = "org.factorysharing.web")
class PageModel {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
