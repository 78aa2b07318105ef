/* Search page /tim-kiem/: suggestions under the search box, instant results and "Gần tôi".
   Progressive enhancement only: without JavaScript (or when a request fails) the form
   submits as usual and the server renders everything. Instant results ask
   /api/search/?format=html, whose `html` parts (count, chips, result cards, page links,
   each filter's options) are drawn by the same templates as the page, so this script
   draws no card and knows no facet: it puts the parts in the elements with the ids
   below, and the options in each <select data-facet>. Its own DOM (suggestions, the
   alert) is built with textContent. No animation. */
(function () {
    "use strict";

    const form = document.getElementById("search-form");
    const input = document.getElementById("search-q");
    if (!form || !input || !window.fetch || !window.URLSearchParams || !window.FormData) {
        return;
    }

    const $ = (id) => document.getElementById(id);
    const alertBox = $("search-alert");
    const count = $("search-count");
    const chips = $("search-chips");
    const intro = $("search-intro");
    const list = $("search-list");
    const empty = $("search-empty");
    const pagination = $("search-pagination");
    const notice = $("search-notice");
    const filtering = $("search-filtering");
    const clearFilters = $("search-clear-filters");
    const near = $("search-near");
    const nearStatus = $("search-near-status");
    const sortSelect = $("search-sort");
    const apiUrl = form.getAttribute("data-api") || "/api/search/";
    const suggestUrl = form.getAttribute("data-suggest") || "/api/search/suggest/";
    const pageUrl = form.getAttribute("action") || window.location.pathname;

    // Each kind of result and its name ("product" → "Sản phẩm"), from the page.
    const kindsScript = $("search-kinds");
    const KIND_LABELS = kindsScript ? JSON.parse(kindsScript.textContent) : {};

    const el = (tag, className, text) => {
        const node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.textContent = text;
        }
        return node;
    };

    const debounce = (fn, wait) => {
        let timer = 0;
        const run = (...args) => {
            window.clearTimeout(timer);
            timer = window.setTimeout(() => fn(...args), wait);
        };
        run.cancel = () => window.clearTimeout(timer);
        return run;
    };

    /** The form as a query string, leaving out empty fields (and so the page number). */
    const formParams = () => {
        const params = new URLSearchParams();
        for (const [name, value] of new FormData(form)) {
            if (typeof value === "string" && value.trim() !== "") {
                params.append(name, name === "q" ? value.trim() : value);
            }
        }
        return params;
    };

    // --- Alert area -------------------------------------------------------------
    const showError = (message) => {
        alertBox.textContent = "";
        const box = el("div", "alert alert--error");
        const lead = el("p");
        lead.appendChild(el("strong", "", "Chưa tìm được vì yêu cầu tìm kiếm chưa hợp lệ."));
        box.append(lead, el("p", "", message));
        alertBox.appendChild(box);
    };

    const clearError = () => {
        alertBox.textContent = "";
    };

    // --- Suggestions: an ARIA 1.2 combobox with a listbox popup ---------------------
    const listbox = el("ul", "search-suggest");
    listbox.id = "search-suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Gợi ý tìm kiếm");
    listbox.hidden = true;
    input.parentNode.appendChild(listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("aria-expanded", "false");

    let options = [];
    let active = -1;
    let suggestController = null;

    const setActive = (index) => {
        options.forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
        active = index;
        if (index >= 0) {
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    };

    const closeSuggestions = () => {
        listbox.hidden = true;
        input.setAttribute("aria-expanded", "false");
        setActive(-1);
    };

    const openSuggestions = () => {
        if (options.length) {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }
    };

    const renderSuggestions = (suggestions) => {
        listbox.textContent = "";
        options = suggestions.map((item, index) => {
            const option = el("li");
            option.id = "search-suggestion-" + index;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.dataset.url = item.url;
            option.appendChild(el("span", "search-suggest__title", item.title));
            if (KIND_LABELS[item.type]) {
                option.appendChild(el("span", "search-suggest__type", KIND_LABELS[item.type]));
            }
            listbox.appendChild(option);
            return option;
        });
        active = -1;
        input.removeAttribute("aria-activedescendant");
        if (options.length && document.activeElement === input) {
            openSuggestions();
        } else {
            closeSuggestions();
        }
    };

    const go = (option) => {
        const url = option && option.dataset.url;
        if (url && url.charAt(0) === "/" && url.charAt(1) !== "/") {
            window.location.assign(url);
        }
    };

    const fetchSuggestions = debounce(async () => {
        const text = input.value.trim();
        if (suggestController) {
            suggestController.abort();
        }
        if (text.length < 2) {
            renderSuggestions([]);
            return;
        }
        const controller = window.AbortController ? new AbortController() : null;
        suggestController = controller;
        try {
            const response = await fetch(suggestUrl + "?" + new URLSearchParams({ q: text }), {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            });
            if (!response.ok) {
                return;
            }
            const body = await response.json();
            if (input.value.trim() === text) {
                renderSuggestions(Array.isArray(body.suggestions) ? body.suggestions : []);
            }
        } catch (error) {
            // Aborted or offline: no suggestions, the search still works.
        }
    }, 250);

    input.addEventListener("keydown", (event) => {
        const open = !listbox.hidden;
        if (event.key === "ArrowDown" || event.key === "Down") {
            if (!options.length) {
                return;
            }
            event.preventDefault();
            openSuggestions();
            setActive(active + 1 >= options.length ? 0 : active + 1);
        } else if (event.key === "ArrowUp" || event.key === "Up") {
            if (!options.length) {
                return;
            }
            event.preventDefault();
            openSuggestions();
            setActive(active <= 0 ? options.length - 1 : active - 1);
        } else if (event.key === "Enter") {
            if (open && active >= 0) {
                event.preventDefault();
                go(options[active]);
            } else {
                closeSuggestions();
            }
        } else if (event.key === "Escape" || event.key === "Esc") {
            if (open) {
                event.preventDefault();
                closeSuggestions();
            }
        } else if (event.key === "Tab") {
            closeSuggestions();
        }
    });

    input.addEventListener("blur", closeSuggestions);
    // Keep focus in the box while a suggestion is clicked or tapped.
    listbox.addEventListener("mousedown", (event) => event.preventDefault());
    listbox.addEventListener("click", (event) => {
        go(event.target.closest("[role=option]"));
    });

    // --- Instant results ------------------------------------------------------------
    let shown = formParams().toString(); // what the page shows now
    let searchController = null;
    let searchSequence = 0;

    /** The filters' options, counted for the new results; the server marks the chosen ones. */
    const renderSelects = (filters, sort) => {
        for (const select of form.querySelectorAll("select[data-facet]")) {
            const options = filters[select.getAttribute("data-facet")];
            if (typeof options === "string") {
                select.innerHTML = options;
            }
        }
        // "Mặc định" names the order the server picked (relevance with words, else stars or distance).
        const fallback = sortSelect && sortSelect.querySelector("option[data-default]");
        const sortOption = sortSelect && sortSelect.querySelector("option[value='" + sort + "']");
        if (fallback && sortOption && !sortSelect.value) {
            fallback.textContent = "Mặc định (" + sortOption.textContent + ")";
        }
    };

    /** Put the server's parts in place: the same templates drew the page. */
    const render = (params, data) => {
        const html = data.html;
        count.textContent = html.count;
        notice.innerHTML = html.notice;
        chips.innerHTML = html.chips;
        chips.hidden = !chips.querySelector("li");
        if (filtering) {
            filtering.innerHTML = html.filtering;
        }
        if (clearFilters) {
            clearFilters.innerHTML = html.clear_filters;
        }
        // No words and no filter is no search yet: the intro, as the same URL shows on reload.
        intro.hidden = html.searched;
        list.innerHTML = html.searched ? html.results : "";
        list.hidden = !html.searched || data.results.length === 0;
        empty.hidden = !html.searched || data.count !== 0;
        const quoted = empty.querySelector("[data-search-q]");
        const text = params.get("q");
        if (quoted) {
            quoted.textContent = text ? " cho “" + text + "”" : "";
        }
        pagination.innerHTML = html.pagination;
        pagination.hidden = !html.searched || !(data.pages > 1);
        renderSelects(html.filters || {}, data.sort);
        document.title = (text ? "Tìm kiếm: " + text : "Tìm kiếm sản phẩm OCOP") + " – OCOP Việt Nam";
    };

    /** Ask the API for what the form now says; a stale or failed answer changes nothing. */
    const search = async ({ force = false, fallbackToSubmit = false } = {}) => {
        const params = formParams();
        const query = params.toString();
        if (query === shown && !force) {
            return;
        }
        if (searchController) {
            searchController.abort();
        }
        const controller = window.AbortController ? new AbortController() : null;
        searchController = controller;
        const sequence = ++searchSequence;
        const asked = new URLSearchParams(params);
        asked.set("format", "html");
        let response;
        let body;
        try {
            response = await fetch(apiUrl + "?" + asked, {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            });
            body = await response.json();
        } catch (error) {
            if (sequence === searchSequence && fallbackToSubmit && error.name !== "AbortError") {
                form.submit(); // offline or a server hiccup: let the server page answer
            }
            return;
        }
        if (sequence !== searchSequence) {
            return; // a newer search is on its way
        }
        if (response.status === 400 && body && body.error) {
            showError(body.error);
            return;
        }
        if (!response.ok || !body || !Array.isArray(body.results) || !body.html) {
            if (fallbackToSubmit) {
                form.submit();
            }
            return;
        }
        clearError();
        shown = query;
        render(params, body);
        window.history.replaceState(null, "", query ? "?" + query : pageUrl);
    };

    const searchSoon = debounce(() => {
        const length = input.value.trim().length;
        if (length === 0 || length >= 2) {
            search();
        }
    }, 350);

    input.addEventListener("input", () => {
        fetchSuggestions();
        searchSoon();
    });

    form.addEventListener("change", (event) => {
        if (event.target.tagName === "SELECT") {
            search();
        }
    });

    form.addEventListener("submit", (event) => {
        event.preventDefault();
        closeSuggestions();
        fetchSuggestions.cancel();
        searchSoon.cancel();
        search({ force: true, fallbackToSubmit: true });
    });

    // --- "Gần tôi": search around the person's position ---------------------------------
    const hiddenInput = (name, value) => {
        let field = form.querySelector("input[type=hidden][name='" + name + "']");
        if (!field) {
            field = el("input");
            field.type = "hidden";
            field.name = name;
            form.appendChild(field);
        }
        field.value = value;
    };

    if (near && navigator.geolocation) {
        near.hidden = false;
        near.addEventListener("click", () => {
            nearStatus.textContent = "Đang xác định vị trí của bạn…";
            near.disabled = true;
            navigator.geolocation.getCurrentPosition(
                (position) => {
                    near.disabled = false;
                    nearStatus.textContent = "";
                    // About 100 m is precise enough, and says less about where the person is.
                    hiddenInput("lat", position.coords.latitude.toFixed(3));
                    hiddenInput("lon", position.coords.longitude.toFixed(3));
                    hiddenInput("radius_km", "50");
                    if (sortSelect) {
                        if (!sortSelect.querySelector("option[value='distance']")) {
                            sortSelect.appendChild(new Option("Gần nhất", "distance"));
                        }
                        sortSelect.value = "distance";
                    }
                    search({ force: true, fallbackToSubmit: true });
                },
                (error) => {
                    near.disabled = false;
                    nearStatus.textContent = error.code === 1
                        ? "Bạn chưa cho phép dùng vị trí. Hãy bật quyền vị trí cho trang này rồi thử lại."
                        : "Chưa xác định được vị trí của bạn. Hãy thử lại sau.";
                },
                { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
            );
        });
    }
})();
