package org.factorysharing.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's start page: what their groups may do, as links; and the login page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
